using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Greenlight.Kernel.Grains;

/// <summary>What <see cref="IGrainFactory.GetGrain{T}"/> returns: every interface call becomes a turn on the activation.</summary>
public class GrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainRuntime, GrainId, GrainClass, object?[]?, object>> Invokers = new();

    private GrainRuntime _runtime = null!;
    private GrainId _id;
    private GrainClass _class = null!;

    internal GrainProxy CloneFor(GrainRuntime runtime, GrainId id, GrainClass grainClass)
    {
        var proxy = (GrainProxy)MemberwiseClone();
        (proxy._runtime, proxy._id, proxy._class) = (runtime, id, grainClass);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Invokers.GetOrAdd(targetMethod!, BuildInvoker)(_runtime, _id, _class, args);

    private static Func<GrainRuntime, GrainId, GrainClass, object?[]?, object> BuildInvoker(MethodInfo method)
    {
        var call = CompileCall(method);
        if (method.ReturnType == typeof(Task))
            return (runtime, id, grainClass, args) => runtime.CallAsync(id, grainClass, async grain => { await (Task)call(grain, args); return true; });
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var typed = typeof(GrainProxy).GetMethod(nameof(CallTyped), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]);
            return (Func<GrainRuntime, GrainId, GrainClass, object?[]?, object>)typed.Invoke(null, [call])!;
        }
        throw new NotSupportedException($"Grain method {method.DeclaringType}.{method.Name} must return Task or Task<T>.");
    }

    private static Func<GrainRuntime, GrainId, GrainClass, object?[]?, object> CallTyped<T>(Func<object, object?[]?, object> call) =>
        (runtime, id, grainClass, args) => runtime.CallAsync(id, grainClass, grain => (Task<T>)call(grain, args));

    /// <summary>(grain, args) => ((TInterface)grain).Method((T0)args[0], …), compiled once per method.</summary>
    private static Func<object, object?[]?, object> CompileCall(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters().Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var body = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return Expression.Lambda<Func<object, object?[]?, object>>(Expression.Convert(body, typeof(object)), grain, args).Compile();
    }
}
