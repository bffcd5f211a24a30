using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Benchmarks.Access;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Storage;
using MediatR;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Benchmarks.HotProjects;

/// <summary>
/// <c>hot-projects</c>: many clients on a few big projects, through the HTTP API of a real host (in this process,
/// every shipped module, Kestrel on 127.0.0.1, the embedded SQLite store). For each project size (tasks per project
/// before the run) a fresh host gets <c>--projects</c> projects filled with that many tasks; then <c>--clients</c>
/// workers, one request in flight each, run a fixed mix — 55% writes (create task, rename task, create issue) and
/// 45% reads (get project, list tasks), each on a project picked at random — for a warm-up and then for
/// <c>--seconds</c> or <c>--max-requests</c>, whichever ends first. Every write the API acknowledged is checked
/// against what it lists afterwards (a task renamed only by the worker that owns it, so its last name is known).
/// With <c>--isolate-work</c> the other modules' share of each request is taken out (see <see cref="IsolateWork"/>),
/// to tell the Work module's scaling from theirs.
/// </summary>
public static class HotProjectsBench
{
    public const string Command = "hot-projects";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new Settings(
            Clients: AccessCheckBench.IntOption(args, "--clients", 64),
            Projects: AccessCheckBench.IntOption(args, "--projects", 4),
            Measured: TimeSpan.FromSeconds(AccessCheckBench.IntOption(args, "--seconds", 30)),
            Warmup: TimeSpan.FromSeconds(AccessCheckBench.IntOption(args, "--warmup-seconds", 5)),
            MaxRequests: AccessCheckBench.IntOption(args, "--max-requests", 1_000_000),
            IsolateWork: args.Contains("--isolate-work"));
        var sizes = (Option(args, "--sizes") ?? "100,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var rounds = AccessCheckBench.IntOption(args, "--rounds", 1);
        Console.WriteLine($"{Command}: nproc {Environment.ProcessorCount}, .NET {Environment.Version}, load average {Machine.LoadAverage()}; " +
                          $"{settings.Clients} clients, {settings.Projects} projects, {settings.Warmup.TotalSeconds:0} s warm-up, " +
                          $"{settings.Measured.TotalSeconds:0} s or {settings.MaxRequests} requests measured, sizes {string.Join(", ", sizes)} × {rounds} round(s)" +
                          (settings.IsolateWork ? "; Work isolated from the other modules" : ""));

        var results = new List<Result>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var size in sizes) results.Add(await RunSizeAsync(settings, size));
        }
        Report(results, sizes);
        return results.Sum(r => r.Lost) == 0 ? 0 : 1;
    }

    private sealed record Settings(int Clients, int Projects, TimeSpan Measured, TimeSpan Warmup, int MaxRequests, bool IsolateWork);

    private enum Op { CreateTask, RenameTask, CreateIssue, GetProject, ListTasks }

    private static readonly (Op Op, double Share)[] Mix =
    [
        (Op.CreateTask, 0.55 / 3), (Op.RenameTask, 0.55 / 3), (Op.CreateIssue, 0.55 / 3), (Op.GetProject, 0.225), (Op.ListTasks, 0.225),
    ];

    private static bool IsWrite(Op op) => op is Op.CreateTask or Op.RenameTask or Op.CreateIssue;

    /// <param name="LargestStates">The largest stored state of each grain type at the end: what one write of such a grain stores.</param>
    private sealed record Result(
        int Size, int Completed, double Seconds, Dictionary<Op, Samples> Latencies, int Errors, int Lost, int Acknowledged, long MaxStateBytes,
        IReadOnlyDictionary<string, long> LargestStates, string LoadAverage)
    {
        public double RequestsPerSecond => Completed / Seconds;

        public Samples Of(Func<Op, bool> which)
        {
            var all = new Samples("all");
            foreach (var (op, samples) in Latencies.Where(l => which(l.Key))) all.AddRange(samples);
            return all;
        }
    }

    private static async Task<Result> RunSizeAsync(Settings settings, int size)
    {
        await using var host = await TestHost.StartAsync(services: settings.IsolateWork ? IsolateWork : null);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = host.Address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (!host.Address.IsLoopback) throw new InvalidOperationException($"{host.Address} is not a loopback address.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken);

        var workers = Enumerable.Range(0, settings.Clients).Select(i => new Worker(client, i)).ToList();
        var projects = new List<string>();
        for (var p = 0; p < settings.Projects; p++)
            projects.Add(await IdOfAsync(await client.PostAsJsonAsync("/api/v1/projects", new { name = $"hot-{p}", status = "Current" })));
        var filling = Stopwatch.StartNew();
        await FillAsync(client, projects, size, workers);
        Console.WriteLine($"{size} tasks per project: {settings.Projects} projects filled in {filling.Elapsed.TotalSeconds:0.0} s");

        await DriveAsync(workers, projects, settings.Warmup, int.MaxValue, measure: false);
        var load = Machine.LoadAverage();
        var clock = Stopwatch.StartNew();
        await DriveAsync(workers, projects, settings.Measured, settings.MaxRequests, measure: true);
        var seconds = clock.Elapsed.TotalSeconds;

        var latencies = Enum.GetValues<Op>().ToDictionary(op => op, op => new Samples(op.ToString()));
        foreach (var worker in workers)
        {
            foreach (var (op, samples) in worker.Latencies) latencies[op].AddRange(samples);
        }
        var (lost, acknowledged) = await LostWritesAsync(client, projects, workers);
        var result = new Result(size, latencies.Values.Sum(s => s.Count), seconds, latencies, workers.Sum(w => w.Errors), lost, acknowledged,
            await MaxProjectStateBytesAsync(host, settings.Projects), await LargestStatesAsync(host), load);
        var (writes, reads) = (result.Of(IsWrite), result.Of(op => !IsWrite(op)));
        Console.WriteLine($"{size} tasks per project: {result.RequestsPerSecond:0} req/s; writes p50 {Ms(writes.MedianMicroseconds)} p99 {Ms(writes.P99Microseconds)} ms; " +
                          $"reads p50 {Ms(reads.MedianMicroseconds)} p99 {Ms(reads.P99Microseconds)} ms; {result.Errors} errors; " +
                          $"{lost} of {acknowledged} acknowledged writes lost; project state ≤ {result.MaxStateBytes} bytes; load average {load} → {Machine.LoadAverage()}");
        Console.WriteLine($"  largest stored state by grain type (bytes): {string.Join(", ", result.LargestStates.Select(s => $"{s.Key} {s.Value:N0}"))}");
        return result;
    }

    /// <summary>Each project gets <paramref name="size"/> tasks through the API; each task is given to a worker, the only one that renames it.</summary>
    private static async Task FillAsync(HttpClient client, List<string> projects, int size, List<Worker> workers)
    {
        var tasks = projects.SelectMany(project => Enumerable.Range(0, size).Select(i => (Project: project, Index: i))).ToList();
        var ids = new string[tasks.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, tasks.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            ids[i] = await IdOfAsync(await client.PostAsJsonAsync($"/api/v1/projects/{tasks[i].Project}/tasks", new { name = $"Task {tasks[i].Index}" }, ct)));
        for (var i = 0; i < tasks.Count; i++) workers[i % workers.Count].Own(tasks[i].Project, ids[i], $"Task {tasks[i].Index}");
    }

    private static async Task DriveAsync(List<Worker> workers, List<string> projects, TimeSpan duration, int maxRequests, bool measure)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = 0;
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref started) <= maxRequests)
                await worker.RunOneAsync(projects, measure);
        })));
    }

    /// <summary>Acknowledged writes missing from what the API lists afterwards: tasks and issues not there, renames not kept.</summary>
    private static async Task<(int Lost, int Acknowledged)> LostWritesAsync(HttpClient client, List<string> projects, List<Worker> workers)
    {
        var listedTasks = new Dictionary<string, string>();
        var listedIssues = new HashSet<string>();
        foreach (var project in projects)
        {
            foreach (var task in await ListAllAsync(client, $"/api/v1/projects/{project}/tasks")) listedTasks[task.Id] = task.Name;
            foreach (var issue in await ListAllAsync(client, $"/api/v1/projects/{project}/issues")) listedIssues.Add(issue.Id);
        }
        var (lost, acknowledged) = (0, 0);
        foreach (var worker in workers)
        {
            foreach (var (id, task) in worker.Tasks)
            {
                acknowledged += 1 + task.AcknowledgedRenames;
                if (!listedTasks.TryGetValue(id, out var name) || !task.MayBeNamed(name)) lost++;
            }
            acknowledged += worker.Issues.Count;
            lost += worker.Issues.Count(id => !listedIssues.Contains(id));
        }
        return (lost, acknowledged);
    }

    private sealed record Listed(string Id, string Name);

    private static async Task<List<Listed>> ListAllAsync(HttpClient client, string path)
    {
        var all = new List<Listed>();
        for (string? after = null; ;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}?limit=200{(after is null ? "" : $"&after={after}")}");
            all.AddRange(page.GetProperty("items").EnumerateArray().Select(i => new Listed(i.GetProperty("id").GetString()!, i.GetProperty("name").GetString()!)));
            after = page.GetProperty("next").GetString();
            if (after is null) return all;
        }
    }

    /// <summary>The largest stored grain state of the run's projects (the project grain's row, found by the project's name).</summary>
    private static async Task<long> MaxProjectStateBytesAsync(TestHost host, int projects)
    {
        await using var connection = await host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        long max = 0;
        for (var p = 0; p < projects; p++)
        {
            max = Math.Max(max, await connection.ScalarAsync<long>(
                "SELECT length(payload) FROM orleans_storage WHERE grain_type = 'work.project' AND CAST(payload AS TEXT) LIKE @name",
                ("name", $"%\"Name\":\"hot-{p}\"%")));
        }
        return max;
    }

    private static async Task<IReadOnlyDictionary<string, long>> LargestStatesAsync(TestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        await using var command = connection.Command(
            "SELECT grain_type, MAX(length(payload)) AS largest FROM orleans_storage GROUP BY grain_type ORDER BY largest DESC LIMIT 4");
        await using var reader = await command.ExecuteReaderAsync();
        var largest = new Dictionary<string, long>();
        while (await reader.ReadAsync()) largest[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        return largest;
    }

    /// <summary>
    /// Takes the other modules out of the measured requests: the kernel's bootstrap policy decides (the System
    /// Administrator may do anything) instead of the Access module's checks, the requests Work sends to Access are
    /// answered at once (registrations accepted, lists not filtered), and only Work's own handlers get Work's
    /// notifications (not the Frame.io mirror's, not Review's). What is left is HTTP, the kernel and the Work module.
    /// </summary>
    private static void IsolateWork(IServiceCollection services)
    {
        services.AddSingleton<IAccessPolicy, BootstrapAdministratorPolicy>();
        foreach (var handler in services.Where(d => IsHandlerOf(d, typeof(IRequestHandler<,>), "Greenlight.Modules.Access.Contracts")).ToList())
        {
            var types = handler.ServiceType.GetGenericArguments();
            if (!AccessStandIn.Answers(types[0])) continue;
            services.Remove(handler);
            services.AddTransient(handler.ServiceType, typeof(AccessStandIn<,>).MakeGenericType(types));
        }
        foreach (var handler in services.Where(d => IsHandlerOf(d, typeof(INotificationHandler<>), "Greenlight.Modules.Work.Contracts")
                                                    && d.ImplementationType?.Namespace?.StartsWith("Greenlight.Modules.Work", StringComparison.Ordinal) != true).ToList())
            services.Remove(handler);
    }

    private static bool IsHandlerOf(ServiceDescriptor descriptor, Type handler, string messageNamespace) =>
        descriptor.ServiceType.IsGenericType && descriptor.ServiceType.GetGenericTypeDefinition() == handler
        && descriptor.ServiceType.GetGenericArguments()[0].Namespace == messageNamespace;

    /// <summary>What the Access module would answer Work's requests when everything is allowed.</summary>
    private static class AccessStandIn
    {
        private static readonly string[] Requests = ["RegisterSecuredObject", "MoveSecuredObject", "RemoveSecuredObject", "GrantAssigneeAccess", "FilterViewable"];

        public static bool Answers(Type request) => Requests.Contains(request.Name);
    }

    private sealed class AccessStandIn<TRequest, TResponse> : IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse>
    {
        // FilterViewable's answer is the objects it was asked about: all are viewable.
        private static readonly System.Reflection.PropertyInfo? Objects = typeof(TRequest).GetProperty("Objects");

        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(typeof(TResponse) == typeof(Unit) ? (TResponse)(object)Unit.Value : (TResponse)Objects!.GetValue(request)!);
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
    }

    /// <summary>One client: one request in flight; owns the tasks it created or was given, which only it renames.</summary>
    private sealed class Worker(HttpClient client, int number)
    {
        private readonly Random _random = new(number);
        private readonly Dictionary<string, List<string>> _ownedByProject = [];
        private int _renames;

        public Dictionary<string, OwnedTask> Tasks { get; } = [];
        public List<string> Issues { get; } = [];
        public Dictionary<Op, Samples> Latencies { get; } = Enum.GetValues<Op>().ToDictionary(op => op, op => new Samples(op.ToString()));
        public int Errors { get; private set; }

        public void Own(string projectId, string taskId, string name)
        {
            Tasks[taskId] = new OwnedTask(name);
            if (!_ownedByProject.TryGetValue(projectId, out var owned)) _ownedByProject[projectId] = owned = [];
            owned.Add(taskId);
        }

        public async Task RunOneAsync(List<string> projects, bool measure)
        {
            var project = projects[_random.Next(projects.Count)];
            var op = Pick();
            if (op == Op.RenameTask && !_ownedByProject.ContainsKey(project)) op = Op.CreateTask;
            var start = Stopwatch.GetTimestamp();
            var ok = op switch
            {
                Op.CreateTask => await CreateTaskAsync(project),
                Op.RenameTask => await RenameTaskAsync(project),
                Op.CreateIssue => await CreateIssueAsync(project),
                Op.GetProject => await ReadAsync($"/api/v1/projects/{project}"),
                _ => await ReadAsync($"/api/v1/projects/{project}/tasks?limit=50"),
            };
            var elapsed = Stopwatch.GetTimestamp() - start;
            if (!ok) Errors++;
            else if (measure) Latencies[op].Add(elapsed);
        }

        private Op Pick()
        {
            var roll = _random.NextDouble();
            foreach (var (op, share) in Mix)
            {
                if ((roll -= share) < 0) return op;
            }
            return Mix[^1].Op;
        }

        private async Task<bool> CreateTaskAsync(string project)
        {
            var name = $"w{number} task {Tasks.Count}";
            using var response = await client.PostAsJsonAsync($"/api/v1/projects/{project}/tasks", new { name });
            if (!response.IsSuccessStatusCode) return false;
            Own(project, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, name);
            return true;
        }

        private async Task<bool> RenameTaskAsync(string project)
        {
            var owned = _ownedByProject[project];
            var id = owned[_random.Next(owned.Count)];
            var name = $"w{number} rename {++_renames}";
            // Not acknowledged (an error) does not mean not done: the name may be kept or not.
            Tasks[id].Attempt(name);
            using var response = await client.PatchAsJsonAsync($"/api/v1/projects/{project}/tasks/{id}", new { name });
            await response.Content.LoadIntoBufferAsync();
            if (response.IsSuccessStatusCode) Tasks[id].Acknowledge(name);
            return response.IsSuccessStatusCode;
        }

        private async Task<bool> CreateIssueAsync(string project)
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/projects/{project}/issues", new { name = $"w{number} issue {Issues.Count}" });
            if (!response.IsSuccessStatusCode) return false;
            Issues.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            return true;
        }

        private async Task<bool> ReadAsync(string path)
        {
            using var response = await client.GetAsync(path);
            await response.Content.LoadIntoBufferAsync();
            return response.IsSuccessStatusCode;
        }
    }

    /// <summary>The name a task must have: the last acknowledged one, or one of the renames tried after it that got no answer.</summary>
    private sealed class OwnedTask(string name)
    {
        private string _acknowledged = name;
        private readonly List<string> _unanswered = [];

        public int AcknowledgedRenames { get; private set; }

        public void Attempt(string next) => _unanswered.Add(next);

        public void Acknowledge(string next)
        {
            (_acknowledged, AcknowledgedRenames) = (next, AcknowledgedRenames + 1);
            _unanswered.Clear();
        }

        public bool MayBeNamed(string listed) => listed == _acknowledged || _unanswered.Contains(listed);
    }

    private static void Report(List<Result> results, List<int> sizes)
    {
        Console.WriteLine();
        Console.WriteLine($"Summary (SQLite, in-process host; load average now {Machine.LoadAverage()})");
        Console.WriteLine("| tasks per project | requests/s | writes p50 / p99 (ms) | reads p50 / p99 (ms) | create task p50 / p99 | rename task p50 / p99 | " +
                          "create issue p50 / p99 | get project p50 / p99 | list tasks p50 / p99 | errors | lost / acknowledged writes | project state (bytes) | load average |");
        Console.WriteLine("|---:|---:|---|---|---|---|---|---|---|---:|---:|---:|---|");
        foreach (var size in sizes)
        {
            foreach (var r in results.Where(r => r.Size == size))
            {
                Console.WriteLine($"| {size:N0} | {r.RequestsPerSecond:0} | {P(r.Of(IsWrite))} | {P(r.Of(op => !IsWrite(op)))} | " +
                                  string.Join(" | ", Enum.GetValues<Op>().Select(op => P(r.Latencies[op]))) +
                                  $" | {r.Errors} | {r.Lost} / {r.Acknowledged} | {r.MaxStateBytes:N0} | {r.LoadAverage} |");
            }
        }
        if (sizes.Count < 2) return;
        var (small, large) = (Pooled(results, sizes.Min()), Pooled(results, sizes.Max()));
        Console.WriteLine($"| ratio {sizes.Max()}/{sizes.Min()} | {large.RequestsPerSecond / small.RequestsPerSecond:0.00} | {Ratio(large.Of(IsWrite), small.Of(IsWrite))} | " +
                          $"{Ratio(large.Of(op => !IsWrite(op)), small.Of(op => !IsWrite(op)))} | " +
                          string.Join(" | ", Enum.GetValues<Op>().Select(op => Ratio(large.Latencies[op], small.Latencies[op]))) + " | | | | |");
    }

    /// <summary>All rounds of one size as one result.</summary>
    private static Result Pooled(List<Result> results, int size)
    {
        var rounds = results.Where(r => r.Size == size).ToList();
        var latencies = Enum.GetValues<Op>().ToDictionary(op => op, op => new Samples(op.ToString()));
        foreach (var round in rounds)
        {
            foreach (var (op, samples) in round.Latencies) latencies[op].AddRange(samples);
        }
        return new Result(size, rounds.Sum(r => r.Completed), rounds.Sum(r => r.Seconds), latencies, rounds.Sum(r => r.Errors), rounds.Sum(r => r.Lost),
            rounds.Sum(r => r.Acknowledged), rounds.Max(r => r.MaxStateBytes), rounds[0].LargestStates, "");
    }

    private static string P(Samples samples) => $"{Ms(samples.MedianMicroseconds)} / {Ms(samples.P99Microseconds)}";

    private static string Ratio(Samples large, Samples small) =>
        $"**{large.MedianMicroseconds / small.MedianMicroseconds:0.00}** / **{large.P99Microseconds / small.P99Microseconds:0.00}**";

    private static string Ms(double microseconds) => (microseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
