using System.Data.Common;

namespace Greenlight.Modules.Review.Metrics;

// GetApprovalMetrics: the approvals report by project, group, approver and time range (approvals started in it),
// answered by aggregates over the module's indexed tables, never by loading approvals.

public sealed record VelocityView(double? AverageHours, double? MedianHours, double? P90Hours, IReadOnlyList<WeekVelocity> PerWeek);

/// <param name="WeekStart">The Monday (UTC) of the week the approvals completed in.</param>
public sealed record WeekVelocity(DateOnly WeekStart, int Completed, double AverageHours);

public sealed record ApprovalMetricsView(
    IReadOnlyDictionary<string, int> Decisions, int Pending, int Overdue, int Completed, int Abandoned, int Revisions, VelocityView Velocity);

/// <summary>Needs View on the project when one is given; otherwise a System Administrator (organization-wide).</summary>
public sealed record GetApprovalMetrics(string? ProjectId, string? GroupId, string? ApproverId, DateTimeOffset? From, DateTimeOffset? To)
    : IRequest<ApprovalMetricsView>, IAuthenticatedRequest;

public sealed class GetApprovalMetricsValidator : AbstractValidator<GetApprovalMetrics>
{
    public GetApprovalMetricsValidator() =>
        RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
}

internal sealed class ApprovalMetricsHandler(IStore store, IMediator sender, ICurrentPrincipal current, TimeProvider clock)
    : IRequestHandler<GetApprovalMetrics, ApprovalMetricsView>
{
    private const long Hour = 3_600_000;
    private const long Week = 7 * 24 * Hour;
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(14);

    public async Task<ApprovalMetricsView> Handle(GetApprovalMetrics request, CancellationToken cancellationToken)
    {
        await EnsureAllowedAsync(request, cancellationToken);
        var now = clock.GetUtcNow();
        var (where, parameters) = Filter(request, now);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var decisions = new Dictionary<string, int>();
        await ReadAsync(connection, $"""
            SELECT d.decision, COUNT(*) FROM review_decisions d JOIN review_approvals a ON a.approval_id = d.approval_id
            WHERE {where}{(request.ApproverId is null ? "" : " AND d.decided_by = @approver")} GROUP BY d.decision
            """, parameters, r => decisions[r.GetString(0)] = Convert.ToInt32(r.GetValue(1)));
        var counts = new long[5];
        await ReadAsync(connection, $"""
            SELECT
              SUM(CASE WHEN a.is_open = 1 THEN 1 ELSE 0 END),
              SUM(CASE WHEN a.is_open = 1 AND a.first_due_at < @now THEN 1 ELSE 0 END),
              SUM(CASE WHEN a.is_open = 0 THEN 1 ELSE 0 END),
              SUM(CASE WHEN a.is_open = 1 AND a.first_due_at < @abandoned THEN 1 ELSE 0 END),
              SUM(a.revisions)
            FROM review_approvals a WHERE {where}
            """, parameters, r => { for (var i = 0; i < 5; i++) counts[i] = r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i)); });
        return new ApprovalMetricsView(decisions, (int)counts[0], (int)counts[1], (int)counts[2], (int)counts[3], (int)counts[4],
            await VelocityAsync(connection, where, parameters));
    }

    /// <summary>Average, median and p90 of start-to-final-decision, and the weekly averages: the percentiles are single rows at an offset.</summary>
    private static async Task<VelocityView> VelocityAsync(DbConnection connection, string where, (string, object?)[] parameters)
    {
        var completed = $"FROM review_approvals a WHERE {where} AND a.is_open = 0";
        var (count, average) = (0L, (double?)null);
        await ReadAsync(connection, $"SELECT COUNT(*), AVG(a.completed_at - a.created_at) {completed}", parameters,
            r => (count, average) = (Convert.ToInt64(r.GetValue(0)), r.IsDBNull(1) ? null : Convert.ToDouble(r.GetValue(1)) / Hour));
        var weeks = new List<WeekVelocity>();
        await ReadAsync(connection, $"""
            SELECT (a.completed_at + {3 * 24 * Hour}) / {Week} AS week, COUNT(*), AVG(a.completed_at - a.created_at) {completed}
            GROUP BY (a.completed_at + {3 * 24 * Hour}) / {Week} ORDER BY week
            """, parameters, r => weeks.Add(new WeekVelocity(
                DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(0)) * Week - 3 * 24 * Hour).UtcDateTime),
                Convert.ToInt32(r.GetValue(1)), Convert.ToDouble(r.GetValue(2)) / Hour)));
        return new VelocityView(average, await PercentileAsync(0.5), await PercentileAsync(0.9), weeks);

        async Task<double?> PercentileAsync(double fraction)
        {
            if (count == 0) return null;
            double? value = null;
            await ReadAsync(connection, $"SELECT a.completed_at - a.created_at {completed} ORDER BY a.completed_at - a.created_at LIMIT 1 OFFSET {(long)Math.Ceiling(fraction * count) - 1}",
                parameters, r => value = Convert.ToDouble(r.GetValue(0)) / Hour);
            return value;
        }
    }

    private static (string Where, (string, object?)[] Parameters) Filter(GetApprovalMetrics request, DateTimeOffset now)
    {
        var conditions = new List<string> { "1 = 1" };
        if (request.ProjectId is not null) conditions.Add("a.project_id = @project");
        if (request.GroupId is not null) conditions.Add("a.group_id = @group");
        if (request.ApproverId is not null)
            conditions.Add("a.approval_id IN (SELECT approval_id FROM review_decisions WHERE decided_by = @approver)");
        if (request.From is not null) conditions.Add("a.created_at >= @from");
        if (request.To is not null) conditions.Add("a.created_at < @to");
        return (string.Join(" AND ", conditions), [
            ("project", request.ProjectId), ("group", request.GroupId), ("approver", request.ApproverId),
            ("from", request.From is { } f ? ReviewRows.Ms(f) : null), ("to", request.To is { } t ? ReviewRows.Ms(t) : null),
            ("now", ReviewRows.Ms(now)), ("abandoned", ReviewRows.Ms(now - AbandonedAfter)),
        ]);
    }

    private async Task EnsureAllowedAsync(GetApprovalMetrics request, CancellationToken ct)
    {
        var userId = current.UserId();
        var allowed = request.ProjectId is { } project
            ? (await sender.Send(new CheckAccess(userId, AccessCheck.On(ReviewRefs.Project(project), AccessAction.View)), ct)).Allowed
            : (await sender.Send(new GetUserProfile(userId), ct))?.IsSystemAdministrator == true;
        if (!allowed) throw new ForbiddenException("The approvals report needs View on the project, or a System Administrator for the organization.");
    }

    private static async Task ReadAsync(DbConnection connection, string sql, (string, object?)[] parameters, Action<DbDataReader> read)
    {
        await using var command = connection.Command(sql, [.. parameters.Where(p => sql.Contains('@' + p.Item1, StringComparison.Ordinal))]);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) read(reader);
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
