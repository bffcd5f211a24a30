using Greenlight.Testing;
using System.Net;

namespace Greenlight.Host.Tests.Support;

/// <summary>The sample plugin's counter endpoints as a client uses them.</summary>
internal static class SampleCounters
{
    public static Task<HttpResponseMessage> IncrementAsync(this HttpClient client, string counter) =>
        client.PostAsync($"/api/v1/sample/counters/{counter}/increment", null);

    /// <summary>Increments, sending again while another activation's write wins (409); returns the new value.</summary>
    public static async Task<long> IncrementUntilAppliedAsync(this HttpClient client, string counter, Action? onConflict = null)
    {
        while (true)
        {
            var response = await client.IncrementAsync(counter);
            if (response.StatusCode != HttpStatusCode.Conflict) return await response.ReadSuccessAsync<long>();
            onConflict?.Invoke();
        }
    }

    public static Task<long> GetCounterAsync(this HttpClient client, string counter) =>
        client.GetSuccessAsync<long>($"/api/v1/sample/counters/{counter}");

    public static Task<List<long>> GetDeliveriesAsync(this HttpClient client, string counter) =>
        client.GetSuccessAsync<List<long>>($"/api/v1/sample/counters/{counter}/deliveries");

    /// <summary>Waits until the outbox handler has recorded exactly the values 1..<paramref name="value"/>.</summary>
    public static Task<List<long>> WaitForDeliveriesUpToAsync(this HttpClient client, string counter, long value, TimeSpan within) =>
        Eventually.MatchesAsync(() => client.GetDeliveriesAsync(counter),
            deliveries => deliveries.SequenceEqual(Enumerable.Range(1, (int)value).Select(v => (long)v)),
            within, $"delivered 1..{value} for '{counter}'");
}
