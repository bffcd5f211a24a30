using FluentValidation;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Telemetry;
using MediatR;

namespace Greenlight.Kernel.Validation;

/// <summary>Runs every validator of the request; any failure stops the request before its handler.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }
        RequestSpan.Validation(failures.Count > 0 ? "failed" : "passed");
        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => FieldPath.ToCamelCase(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }
        return await next();
    }
}

public static class FieldPath
{
    /// <summary>"Stages[0].DueDate" becomes "stages[0].dueDate", the JSON names clients send.</summary>
    public static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
