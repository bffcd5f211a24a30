using System.Data.Common;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Greenlight.Modules.Review.Metrics;

// GetApprovalMetrics: the approvals report by project, group, approver and time range (approvals started in it).
// The organization's and a group's come from the roll-ups (ApprovalRollups), a project's or an approver's from their
// indexed rows; approvals started in a part of a week at either end of a range are read from their rows as well.

public sealed record VelocityView(double? AverageHours, double? MedianHours, double? P90Hours, IReadOnlyList<WeekVelocity> PerWeek);

/// <param name="WeekStart">The Monday (UTC) of the week the approvals completed in.</param>
public sealed record WeekVelocity(DateOnly WeekStart, int Completed, double AverageHours);

/// <param name="Velocity">Start to completion: the average and the weeks exact, the median and the 90th percentile within 1%.</param>
public sealed record ApprovalMetricsView(
    IReadOnlyDictionary<string, int> Decisions, int Pending, int Overdue, int Completed, int Abandoned, int Revisions, VelocityView Velocity);

/// <summary>Needs View on the project when one is given; otherwise a System Administrator (the organization's, a group's or an approver's).</summary>
public sealed record GetApprovalMetrics(string? ProjectId, string? GroupId, string? ApproverId, DateTimeOffset? From, DateTimeOffset? To)
    : IRequest<ApprovalMetricsView>, IAuthenticatedRequest;

public sealed class GetApprovalMetricsValidator : AbstractValidator<GetApprovalMetrics>
{
    public GetApprovalMetricsValidator() =>
        RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
}

internal sealed class ApprovalMetricsAuthorizer(IMediator sender) : IRequestAuthorizer<GetApprovalMetrics>
{
    public async ValueTask<AccessDecision> DecideAsync(Principal principal, GetApprovalMetrics request, CancellationToken cancellationToken) =>
        request.ProjectId is { } project
            ? await sender.DecideAsync(principal.UserId, ReviewRefs.Project(project), AccessAction.View, "The project's approvals report needs View on it.", cancellationToken)
            : (await sender.Send(new GetUserProfile(principal.UserId), cancellationToken))?.IsSystemAdministrator == true
                ? AccessDecision.Allow("System Administrator")
                : AccessDecision.Deny("The approvals report beyond one project is for System Administrators.");
}

internal sealed class ApprovalMetricsHandler(IStore store, TimeProvider clock) : IRequestHandler<GetApprovalMetrics, ApprovalMetricsView>
{
    private const double Hour = 3_600_000;
    private static readonly long AbandonedAfter = (long)TimeSpan.FromDays(14).TotalMilliseconds;

    public async Task<ApprovalMetricsView> Handle(GetApprovalMetrics request, CancellationToken cancellationToken)
    {
        var now = ReviewRows.Ms(clock.GetUtcNow());
        var (from, to) = (request.From is { } f ? ReviewRows.Ms(f) : (long?)null, request.To is { } t ? ReviewRows.Ms(t) : (long?)null);
        var filter = new Filter(request);
        var sums = new ReportSums();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        if (request.ProjectId is null && request.ApproverId is null)
        {
            var scope = request.GroupId is { } group ? ApprovalRollups.Group(group) : ApprovalRollups.Organization;
            foreach (var (start, end) in await sums.AddRollupsAsync(connection, scope, from, to)) await sums.AddFactsAsync(connection, filter, start, end);
        }
        else
        {
            await sums.AddFactsAsync(connection, filter, from, to);
        }
        var (overdueToday, abandonedToday) = await DueTodayAsync(connection, filter, from, to, now);
        var decisions = sums.Measures()
            .Where(m => m.Value != 0 && ReportMeasures.DecisionOf(m.Key.Measure) is not null)
            .ToDictionary(m => ReportMeasures.DecisionOf(m.Key.Measure)!, m => (int)m.Value);
        return new ApprovalMetricsView(decisions, (int)sums.Get(ReportMeasures.Open),
            (int)(sums.DueBefore(ReportTime.Day(now)) + overdueToday), (int)sums.Get(ReportMeasures.Completed),
            (int)(sums.DueBefore(ReportTime.Day(now - AbandonedAfter)) + abandonedToday), (int)sums.Get(ReportMeasures.Revisions), Velocity(sums));
    }

    private static VelocityView Velocity(ReportSums sums)
    {
        var completed = sums.Get(ReportMeasures.Completed);
        if (completed == 0) return new VelocityView(null, null, null, []);
        var weeks = sums.Buckets(ReportMeasures.CompletedInWeek)
            .Where(w => w.Value != 0)
            .Select(w => new WeekVelocity(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(w.Bucket).UtcDateTime), (int)w.Value,
                sums.Get(ReportMeasures.CompletedInWeekMs, w.Bucket) / Hour / w.Value));
        return new VelocityView(sums.Get(ReportMeasures.DurationMs) / Hour / completed, Percentile(0.5), Percentile(0.9), [.. weeks]);

        // Nearest rank, read from the duration buckets.
        double Percentile(double fraction)
        {
            var (rank, seen) = ((long)Math.Ceiling(fraction * completed), 0L);
            foreach (var (bucket, count) in sums.Buckets(ReportMeasures.DurationBucket))
            {
                seen += count;
                if (seen >= rank) return DurationBuckets.Representative(bucket) / Hour;
            }
            throw new InvalidOperationException("The duration buckets count fewer approvals than were completed.");
        }
    }

    /// <summary>
    /// The open approvals due earlier today than now, and those due on the day the abandoned ones' cut falls on, before
    /// it: the sums count open approvals by the day they are due, so these days' parts are counted from the rows
    /// (an index on open approvals' due dates).
    /// </summary>
    private static async Task<(long Overdue, long Abandoned)> DueTodayAsync(DbConnection connection, Filter filter, long? from, long? to, long now)
    {
        var cut = now - AbandonedAfter;
        var (overdue, abandoned) = (0L, 0L);
        await Sql.ReadAsync(connection, $"""
            SELECT
              SUM(CASE WHEN a.first_due_at >= @todayStart AND a.first_due_at < @now THEN 1 ELSE 0 END),
              SUM(CASE WHEN a.first_due_at >= @cutDayStart AND a.first_due_at < @cut THEN 1 ELSE 0 END)
            FROM review_approvals a
            WHERE a.is_open = 1 AND ((a.first_due_at >= @todayStart AND a.first_due_at < @now) OR (a.first_due_at >= @cutDayStart AND a.first_due_at < @cut))
              AND {filter.Where(from, to)}
            """, [.. filter.Parameters(from, to), ("todayStart", ReportTime.Day(now)), ("now", now), ("cutDayStart", ReportTime.Day(cut)), ("cut", cut)],
            r => (overdue, abandoned) = (r.IsDBNull(0) ? 0 : Convert.ToInt64(r.GetValue(0)), r.IsDBNull(1) ? 0 : Convert.ToInt64(r.GetValue(1))));
        return (overdue, abandoned);
    }

    /// <summary>The approvals a request asks about, as a condition on <c>review_approvals a</c>, for a range of start.</summary>
    private sealed class Filter(GetApprovalMetrics request)
    {
        public string? ApproverId => request.ApproverId;

        public string Where(long? from, long? to)
        {
            var conditions = new List<string> { "1 = 1" };
            if (request.ProjectId is not null) conditions.Add("a.project_id = @project");
            if (request.GroupId is not null) conditions.Add("a.group_id = @group");
            if (request.ApproverId is not null) conditions.Add("a.approval_id IN (SELECT approval_id FROM review_decisions WHERE decided_by = @approver)");
            if (from is not null) conditions.Add("a.created_at >= @startedFrom");
            if (to is not null) conditions.Add("a.created_at < @startedBefore");
            return string.Join(" AND ", conditions);
        }

        public (string, object?)[] Parameters(long? from, long? to) =>
            [("project", request.ProjectId), ("group", request.GroupId), ("approver", request.ApproverId), ("startedFrom", from), ("startedBefore", to)];
    }

    /// <summary>The report's sums: measure and bucket to value, from roll-up rows and from approvals' rows alike.</summary>
    private sealed class ReportSums
    {
        private readonly Dictionary<(string Measure, long Bucket), long> _sums = [];

        public long Get(string measure, long bucket = 0) => _sums.GetValueOrDefault((measure, bucket));

        public IEnumerable<KeyValuePair<(string Measure, long Bucket), long>> Measures() => _sums;

        public IEnumerable<(long Bucket, long Value)> Buckets(string measure) =>
            _sums.Where(s => s.Key.Measure == measure).Select(s => (s.Key.Bucket, s.Value)).OrderBy(s => s.Bucket);

        /// <summary>Open approvals due on days before the one starting at <paramref name="dayStart"/>.</summary>
        public long DueBefore(long dayStart) => Buckets(ReportMeasures.OpenDueOnDay).Where(b => b.Bucket < dayStart).Sum(b => b.Value);

        /// <summary>
        /// Adds the scope's roll-ups of the whole weeks of start within [from, to) (all weeks without a range) and
        /// returns the ranges at either end they do not cover (parts of a week).
        /// </summary>
        public async Task<IReadOnlyList<(long? From, long? To)>> AddRollupsAsync(DbConnection connection, string scope, long? from, long? to)
        {
            if (from is null && to is null)
            {
                await AddRollupRowsAsync(connection, "AND week = @all", [("scope", scope), ("all", ApprovalRollups.AllWeeks)]);
                return [];
            }
            var (firstWeek, endWeek) = (from is { } f ? ReportTime.WeekAtOrAfter(f) : (long?)null, to is { } t ? ReportTime.Week(t) : (long?)null);
            if (firstWeek >= endWeek) return [(from, to)];
            await AddRollupRowsAsync(connection, $"AND week <> @all{(firstWeek is null ? "" : " AND week >= @firstWeek")}{(endWeek is null ? "" : " AND week < @endWeek")}",
                [("scope", scope), ("all", ApprovalRollups.AllWeeks), ("firstWeek", firstWeek), ("endWeek", endWeek)]);
            return [.. new[] { (from, firstWeek), (endWeek, to) }.Where(edge => edge.Item1 is not null && edge.Item2 is not null && edge.Item1 < edge.Item2)];
        }

        /// <summary>Adds what the approvals started in [from, to) contribute, read from their rows (for an approver: their decisions only).</summary>
        public async Task AddFactsAsync(DbConnection connection, Filter filter, long? from, long? to)
        {
            var decisions = filter.ApproverId is null ? "1 = 1" : "d.decided_by = @approver";
            await using var command = Sql.Command(connection, $"{FactsQuery.Select(decisions)} WHERE {filter.Where(from, to)}{FactsQuery.OrderBy}", filter.Parameters(from, to));
            await foreach (var facts in FactsQuery.ReadAsync(command))
            {
                foreach (var (measure, bucket, value) in ReportMeasures.Of(facts)) Add(measure, bucket, value);
            }
        }

        private Task AddRollupRowsAsync(DbConnection connection, string weeks, (string, object?)[] parameters) =>
            Sql.ReadAsync(connection, $"SELECT measure, bucket, SUM(value) FROM review_rollups WHERE scope = @scope {weeks} GROUP BY measure, bucket", parameters,
                r => Add(r.GetString(0), Convert.ToInt64(r.GetValue(1)), Convert.ToInt64(r.GetValue(2))));

        private void Add(string measure, long bucket, long value) => CollectionsMarshal.GetValueRefOrAddDefault(_sums, (measure, bucket), out _) += value;
    }

    private static class Sql
    {
        /// <summary>A command with those of <paramref name="parameters"/> its SQL names.</summary>
        public static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters) =>
            connection.Command(sql, [.. parameters.Where(p => Regex.IsMatch(sql, $@"@{p.Name}\b"))]);

        public static async Task ReadAsync(DbConnection connection, string sql, (string, object?)[] parameters, Action<DbDataReader> read)
        {
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) read(reader);
        }
    }
}

public sealed class ApprovalMetricsEndpoint : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGet("/approval-metrics", async Task<Ok<ApprovalMetricsView>> (
            IMediator sender, string? projectId, string? groupId, string? approverId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetApprovalMetrics(projectId, groupId, approverId, from, to), ct)))
            .WithTags("Approvals").WithName("GetApprovalMetrics").WithSummary("Approvals started in [from, to): counts, revisions and velocity.");
}
