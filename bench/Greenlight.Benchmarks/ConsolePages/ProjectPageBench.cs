using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Greenlight.Benchmarks.Access;
using Greenlight.Testing;

namespace Greenlight.Benchmarks.ConsolePages;

/// <summary>
/// <c>console-page</c>: the console's project page with <c>--tasks</c> tasks (1,000) rendered on the server, against the JSON API
/// calls that return the same data (the project, then its tasks and documents page by page, as the page reads them), in the same
/// run on the same host, taking turns request by request (<c>--samples</c> each, after a warm-up). Reports medians, p99s and
/// their ratios (target: the page at most 3x the API).
/// </summary>
public static partial class ProjectPageBench
{
    public const string Command = "console-page";
    private const string Password = "a benchmark passphrase";

    public static async Task<int> RunAsync(string[] args)
    {
        var taskCount = Option(args, "--tasks", 1000);
        var samples = Option(args, "--samples", 200);
        await using var host = await TestHost.StartAsync();
        var projectId = await ProjectWithTasksAsync(host, taskCount);
        using var browser = await SignedInBrowserAsync(host);

        var page = new Samples("project page (HTML)");
        var api = new Samples("JSON API, same data");
        for (var i = -Math.Max(10, samples / 10); i < samples; i++)
        {
            var pageTicks = await TimeAsync(() => PageAsync(browser, projectId, taskCount));
            var apiTicks = await TimeAsync(() => ApiAsync(host.Admin, projectId, taskCount));
            if (i < 0) continue;
            page.Add(pageTicks);
            api.Add(apiTicks);
        }

        System.Console.WriteLine($"console-page: {taskCount} tasks, {samples} samples each, load average {Machine.LoadAverage()}");
        foreach (var s in new[] { api, page })
            System.Console.WriteLine($"  {s.Name,-22} median {s.MedianMicroseconds / 1000,8:F2} ms   p99 {s.P99Microseconds / 1000,8:F2} ms");
        var median = page.MedianMicroseconds / api.MedianMicroseconds;
        var p99 = page.P99Microseconds / api.P99Microseconds;
        System.Console.WriteLine($"  ratio page/API: median {median:F2}x, p99 {p99:F2}x (target at most 3x)");
        return 0;
    }

    private static async Task<long> TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetTimestamp() - started;
    }

    private static async Task PageAsync(HttpClient browser, string projectId, int taskCount)
    {
        var html = await browser.GetStringAsync($"/projects/{projectId}");
        if (!html.Contains($">Task {taskCount - 1}<", StringComparison.Ordinal)) throw new InvalidOperationException("The page lacks the last task.");
    }

    private static async Task ApiAsync(HttpClient admin, string projectId, int taskCount)
    {
        (await admin.GetAsync($"/api/v1/projects/{projectId}")).EnsureSuccessStatusCode();
        var tasks = 0;
        foreach (var kind in new[] { "tasks", "documents" })
        {
            string? after = null;
            do
            {
                var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/{kind}?limit=200" + (after is null ? "" : "&after=" + after));
                if (kind == "tasks") tasks += page.GetProperty("items").GetArrayLength();
                after = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
            } while (after is not null);
        }
        if (tasks != taskCount) throw new InvalidOperationException($"The API listed {tasks} of {taskCount} tasks.");
    }

    private static async Task<string> ProjectWithTasksAsync(TestHost host, int taskCount)
    {
        var project = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Benchmark project" })).ReadSuccessAsync<JsonElement>();
        var projectId = project.GetProperty("id").GetString()!;
        await Parallel.ForEachAsync(Enumerable.Range(0, taskCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            (await host.Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks", new { name = $"Task {i}" }, ct)).EnsureSuccessStatusCode());
        return projectId;
    }

    /// <summary>The System Administrator signed in to the console, as a browser is: first password from the bootstrap token, then the sign-in form.</summary>
    private static async Task<HttpClient> SignedInBrowserAsync(TestHost host)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.Address };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        await PostFormAsync(browser, "/first-administrator", "first-administrator",
            new() { ["Input.BootstrapToken"] = host.AdminToken, ["Input.Email"] = "bench@example.org", ["Input.Password"] = Password });
        await PostFormAsync(browser, "/signin", "signin", new() { ["Input.Email"] = "bench@example.org", ["Input.Password"] = Password });
        if ((await browser.GetStringAsync("/")).Contains("Sign out", StringComparison.Ordinal)) return browser;
        throw new InvalidOperationException("The benchmark's browser did not sign in.");
    }

    private static async Task PostFormAsync(HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(path);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value;
        (await browser.PostAsync(path, new FormUrlEncodedContent(fields))).EnsureSuccessStatusCode();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
