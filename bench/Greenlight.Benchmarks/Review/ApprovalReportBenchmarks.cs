using BenchmarkDotNet.Attributes;
using Greenlight.Testing;
using Npgsql;

namespace Greenlight.Benchmarks.Review;

/// <summary>
/// The approvals report over 1,000,000 approvals in PostgreSQL, through the HTTP API as a client asks for it,
/// against one indexed lookup of an approval row in the same run. The rows are written straight into the Review
/// module's tables (generate_series) after the host created them: 1,000 projects in 50 groups, 90% completed,
/// one decision per approval; the report's roll-ups are then rebuilt from them (as an administrator would after
/// changing rows by hand), so the organization's and a group's reports read roll-ups, a project's its rows.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ApprovalReportBenchmarks
{
    private const int Approvals = 1_000_000;

    private TestPostgresDatabase _database = null!;
    private TestHost _host = null!;
    private NpgsqlConnection _connection = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await TestPostgresDatabase.CreateAsync();
        _host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Storage:PostgreSql"] = _database.ConnectionString });
        _connection = new NpgsqlConnection(_database.ConnectionString);
        await _connection.OpenAsync();
        await using var seed = new NpgsqlCommand($"""
            INSERT INTO review_approvals (approval_id, project_id, group_id, status, is_open, created_at, first_due_at, completed_at, revisions)
            SELECT 'a' || i, 'p' || (i % 1000), 'g' || (i % 50),
                   CASE WHEN i % 10 = 0 THEN 'InReview' WHEN i % 7 = 0 THEN 'NeedsWork' ELSE 'Approved' END,
                   CASE WHEN i % 10 = 0 THEN 1 ELSE 0 END,
                   1735689600000 + i * 30000, 1735689600000 + i * 30000 + 432000000,
                   CASE WHEN i % 10 = 0 THEN NULL ELSE 1735689600000 + i * 30000 + (i % 97) * 3600000 END,
                   i % 3
            FROM generate_series(1::bigint, {Approvals}) AS i;
            INSERT INTO review_decisions (approval_id, revision, decided_by, project_id, group_id, decision, stage_opened_at, decided_at)
            SELECT 'a' || i, 0, 'u' || (i % 500), 'p' || (i % 1000), 'g' || (i % 50),
                   CASE WHEN i % 7 = 0 THEN 'NeedsWork' ELSE 'Approved' END, 1735689600000 + i * 30000, 1735689600000 + i * 30000 + (i % 97) * 3600000
            FROM generate_series(1::bigint, {Approvals}) AS i WHERE i % 10 <> 0;
            ANALYZE review_approvals;
            ANALYZE review_decisions;
            """, _connection) { CommandTimeout = 600 };
        await seed.ExecuteNonQueryAsync();
        using var rebuilder = _host.Client(_host.AdminToken);
        rebuilder.Timeout = TimeSpan.FromMinutes(30);
        (await rebuilder.PostAsync("/api/v1/admin/approval-metrics/rebuild", null)).EnsureSuccessStatusCode();
        await using var analyze = new NpgsqlCommand("ANALYZE review_rollups", _connection);
        await analyze.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _connection.DisposeAsync();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "One indexed lookup (approval row by id)")]
    public async Task<object?> IndexedLookup()
    {
        await using var command = new NpgsqlCommand("SELECT status FROM review_approvals WHERE approval_id = @id", _connection);
        command.Parameters.AddWithValue("id", "a424242");
        return await command.ExecuteScalarAsync();
    }

    [Benchmark(Description = "Report of one project (1,000 approvals), HTTP")]
    public Task<string> ProjectReport() => _host.Admin.GetStringAsync("/api/v1/approval-metrics?projectId=p17");

    [Benchmark(Description = "Report of one group (20,000 approvals), HTTP")]
    public Task<string> GroupReport() => _host.Admin.GetStringAsync("/api/v1/approval-metrics?groupId=g17");

    [Benchmark(Description = "Report of the organization (1,000,000 approvals), HTTP")]
    public Task<string> OrganizationReport() => _host.Admin.GetStringAsync("/api/v1/approval-metrics");
}
