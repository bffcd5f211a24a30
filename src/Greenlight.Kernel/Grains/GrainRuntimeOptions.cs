namespace Greenlight.Kernel.Grains;

/// <summary>Section <c>Grains</c>.</summary>
public sealed class GrainRuntimeOptions
{
    public const string Section = "Grains";

    /// <summary>An activation unused this long is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Above this many activations the least recently used idle ones are deactivated.</summary>
    public int MaxActivations { get; set; } = 100_000;
}
