using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Greenlight.Architecture.Tests;

public sealed class DependencyRules
{
    [Fact]
    public void The_host_names_no_module()
    {
        var named = Assemblies.Host.GetReferencedAssemblies().Where(Assemblies.IsModule).Select(a => a.Name);
        Assert.Empty(named);
    }

    [Fact]
    public void The_kernel_depends_on_neither_host_nor_modules()
    {
        var references = Assemblies.Kernel.GetReferencedAssemblies();
        Assert.DoesNotContain(references, a => a.Name == Assemblies.Host.GetName().Name || Assemblies.IsModule(a));
    }

    [Fact]
    public void A_module_uses_only_the_contracts_of_another_module()
    {
        var violations = new List<string>();
        foreach (var module in Assemblies.Modules)
        {
            using var stream = File.OpenRead(module.Location);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.TypeReferences)
            {
                var type = metadata.GetTypeReference(handle);
                if (type.ResolutionScope.Kind != HandleKind.AssemblyReference) continue;
                var target = metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).GetAssemblyName();
                var ns = metadata.GetString(type.Namespace);
                if (Assemblies.IsModule(target) && !ns.EndsWith(".Contracts", StringComparison.Ordinal))
                    violations.Add($"{module.GetName().Name} uses {ns}.{metadata.GetString(type.Name)} of {target.Name}");
            }
        }
        Assert.Empty(violations);
    }
}
