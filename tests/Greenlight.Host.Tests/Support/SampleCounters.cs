using System.Net;

namespace Greenlight.Host.Tests.Support;

// The sample plugin's answers as a client reads them. The tests never reference the plugin: it must
// reach the host only through its plugins folder.

/// <param name="Silo">The silo's address as Orleans parses it ("127.0.0.1:11111@123456789").</param>
internal sealed record CounterActivation(string Silo, string ActivationId);

internal sealed record CounterDelivery(long Value, int Deliveries);

/// <summary>The sample plugin's counter endpoints as a client uses them.</summary>
internal static class SampleCounters
{
    public static Task<HttpResponseMessage> IncrementAsync(this HttpClient client, string counter) =>
        client.PostAsync($"/api/v1/sample/counters/{counter}/increment", null);

    /// <summary>Increments and returns the new value; every answer but 200 fails the test.</summary>
    public static async Task<long> IncrementOkAsync(this HttpClient client, string counter) =>
        await (await client.IncrementAsync(counter)).ReadSuccessAsync<long>();

    public static Task<long> GetCounterAsync(this HttpClient client, string counter) =>
        client.GetSuccessAsync<long>($"/api/v1/sample/counters/{counter}");

    public static Task<CounterActivation> GetActivationAsync(this HttpClient client, string counter) =>
        client.GetSuccessAsync<CounterActivation>($"/api/v1/sample/counters/{counter}/activation");

    public static Task<List<CounterDelivery>> GetDeliveriesAsync(this HttpClient client, string counter) =>
        client.GetSuccessAsync<List<CounterDelivery>>($"/api/v1/sample/counters/{counter}/deliveries");

    /// <summary>
    /// Waits until the outbox handler has recorded exactly the values 1..<paramref name="value"/>, and
    /// returns them with how often each was delivered.
    /// </summary>
    public static Task<List<CounterDelivery>> WaitForDeliveriesUpToAsync(this HttpClient client, string counter, long value, TimeSpan within) =>
        Eventually.MatchesAsync(() => client.GetDeliveriesAsync(counter),
            deliveries => deliveries.Select(d => d.Value).SequenceEqual(Enumerable.Range(1, (int)value).Select(v => (long)v)),
            within, $"delivered 1..{value} for '{counter}'");

    /// <summary>Every value of the counter delivered, each exactly once.</summary>
    public static async Task AssertDeliveredOnceUpToAsync(this HttpClient client, string counter, long value, TimeSpan within)
    {
        var deliveries = await client.WaitForDeliveriesUpToAsync(counter, value, within);
        Assert.All(deliveries, d => Assert.True(d.Deliveries == 1, $"'{counter}' value {d.Value} was delivered {d.Deliveries} times."));
    }

    public static bool IsUnavailable(this HttpResponseMessage response) => response.StatusCode == HttpStatusCode.ServiceUnavailable;
}
