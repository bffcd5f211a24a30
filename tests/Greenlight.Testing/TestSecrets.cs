namespace Greenlight.Testing;

public static class TestSecrets
{
    /// <summary>One master key for every test host, so hosts sharing a PostgreSQL database share the secrets' key ring, as production hosts must.</summary>
    public static readonly string MasterKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
}
