using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Greenlight.Modules.Review.Approvals;

/// <summary>Who acts, and from which system.</summary>
[GenerateSerializer, Immutable, Alias("review.act")]
public sealed record Act([property: Id(0)] string UserId, [property: Id(1)] EventSource Source)
{
    public static Act System { get; } = new("system", EventSource.Greenlight);
}

/// <param name="DocumentVersions">The current version of each document: the version this first round decides on.</param>
/// <param name="TeamMembers">The members of every team among the participants, looked up when the approval starts.</param>
/// <param name="ProjectName">The project's name now, for the emails.</param>
/// <param name="DocumentNames">Each document's name now, for the emails and My approvals.</param>
[GenerateSerializer, Immutable, Alias("review.new-approval")]
public sealed record NewApproval(
    [property: Id(0)] string ProjectId, [property: Id(1)] string? GroupId, [property: Id(2)] IReadOnlyDictionary<string, int> DocumentVersions, [property: Id(3)] bool StoredInFrameio, [property: Id(4)] string? Message,
    [property: Id(5)] IReadOnlyList<PathSpec> Paths, [property: Id(6)] IReadOnlyDictionary<string, IReadOnlyList<string>> TeamMembers, [property: Id(7)] Act By,
    [property: Id(8)] string ProjectName, [property: Id(9)] IReadOnlyDictionary<string, string> DocumentNames);

/// <summary>One grain per approval: its paths and stages, who decided what, its deadline reminders.</summary>
[Alias("review.approval")]
public interface IApprovalGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<ApprovalView> CreateAsync(NewApproval approval);

    /// <summary>Null when there is no such approval.</summary>
    [Alias("find"), ReadOnly]
    Task<ApprovalView?> FindAsync();

    /// <summary>An approver's decision in the open stage waiting for them (403 when none waits).</summary>
    [Alias("decide")]
    Task<ApprovalView> DecideAsync(Act act, Decision decision, string? comment);

    /// <summary>A reviewer marks their review complete: it never blocks anyone.</summary>
    [Alias("complete-review")]
    Task<ApprovalView> CompleteReviewAsync(Act act);

    [Alias("comment")]
    Task<ApprovalView> CommentAsync(Act act, string text);

    /// <summary>A new message: the participants of the open stages get it again by email.</summary>
    /// <remarks>An empty message removes it.</remarks>
    [Alias("edit-message")]
    Task<ApprovalView> EditMessageAsync(Act act, string message);

    /// <summary>
    /// A new version of a document after Needs work: a new round (a revision) starts on <paramref name="versions"/>,
    /// the current version of every document of the approval, named <paramref name="names"/> now. No-op otherwise.
    /// </summary>
    [Alias("start-revision")]
    Task StartRevisionAsync(string documentId, IReadOnlyDictionary<string, int> versions, IReadOnlyDictionary<string, string> names, string uploadedBy);

    /// <summary>Writes the approval's rows again from its state (events, its history, are kept as they are); false when there is no such approval.</summary>
    [Alias("rebuild-rows")]
    Task<bool> RebuildRowsAsync();
}

/// <summary>
/// An approval. Every change stores the state with what it causes (emails, events, the approval's rows) in one write.
/// While an open stage has a reminder to send, the Orleans reminder <see cref="DeadlineReminderName"/> wakes the grain,
/// which sends what is due by the clock (<see cref="TimeProvider"/>) and records it; it is dropped when none is left.
/// </summary>
[GrainType("review.approval")]
public sealed class ApprovalGrain(IStore store, TimeProvider clock, IOptions<ReviewOptions> options, ILogger<ApprovalGrain> logger)
    : DurableGrain<ApprovalState>, IApprovalGrain
{
    public const string DeadlineReminderName = "review.deadline-reminders";

    // The reminder as this activation registered it or saw it tick; null when not known to be registered.
    private IGrainReminder? _deadlineReminder;

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<ApprovalView> CreateAsync(NewApproval approval)
    {
        if (State.Exists) throw new ConflictException($"Approval '{Id}' already exists.");
        var documentIds = approval.DocumentVersions.Keys.ToList();
        if (await ReviewRows.OpenApprovalOfAsync(store, documentIds) is { } open)
            throw new ConflictException($"A document is already under open approval '{open}'; a new one can start when it is decided.");
        State = new ApprovalState
        {
            Exists = true, ProjectId = approval.ProjectId, GroupId = approval.GroupId, DocumentIds = documentIds,
            DocumentVersions = new Dictionary<string, int>(approval.DocumentVersions),
            StoredInFrameio = approval.StoredInFrameio, Message = approval.Message, CreatedBy = approval.By.UserId, Source = approval.By.Source,
            ProjectName = approval.ProjectName, DocumentNames = new Dictionary<string, string>(approval.DocumentNames),
            CreatedAt = Now, RoundStartedAt = Now,
            Paths = [.. approval.Paths.Select(p => new PathState { Stages = [.. p.Stages.Select(s => NewStage(s, approval.TeamMembers))] })],
        };
        RecordEvent("Created", approval.By, approval.Message);
        foreach (var later in State.Paths.SelectMany(p => p.Stages.Skip(1)))
            Email(later.Participants, later, $"You are assigned to an approval stage: {later.Name}", "Assigned", "You will be told when your stage opens.");
        StartRound();
        await SaveAsync();
        ReviewMetrics.RoundOpened(revision: false);
        return View();
    }

    public Task<ApprovalView?> FindAsync() => Task.FromResult(State.Exists ? View() : null);

    public async Task<ApprovalView> DecideAsync(Act act, Decision decision, string? comment)
    {
        var (stage, seat) = OpenSeat(act.UserId, ParticipantRole.Approver);
        if (decision == Decision.ApprovedWithChanges && State.StoredInFrameio)
            throw RequestValidationException.ForField("decision", "'Approved with changes' is not offered for assets stored in Frame.io.");
        var now = Now;
        (seat.Decision, seat.DecidedBy, seat.DecidedAt) = (decision, act.UserId, now);
        State.Decisions.Add(new DecisionEntry(State.Revisions, act.UserId, decision, stage.OpenedAt!.Value, now));
        RecordEvent("Decision", act, comment is null ? decision.ToString() : $"{decision}: {comment}");
        var view = await AdvanceAsync();
        ReviewMetrics.Decided(decision);
        return view;
    }

    public async Task<ApprovalView> CompleteReviewAsync(Act act)
    {
        var (_, seat) = OpenSeat(act.UserId, ParticipantRole.Reviewer);
        seat.ReviewComplete = true;
        seat.DecidedBy = act.UserId;
        RecordEvent("ReviewCompleted", act, null);
        return await AdvanceAsync();
    }

    public async Task<ApprovalView> CommentAsync(Act act, string text)
    {
        EnsureExists();
        RecordEvent("Comment", act, text);
        if (State.Status == ApprovalStatus.PendingReview) State.Status = ApprovalStatus.InReview;
        await SaveAsync();
        return View();
    }

    public async Task<ApprovalView> EditMessageAsync(Act act, string message)
    {
        EnsureExists();
        State.Message = message.Length > 0 ? message : null;
        State.MessageEdits++;
        RecordEvent("MessageEdited", act, message);
        foreach (var (_, _, stage) in State.OpenStages())
            Email(stage.Participants, stage, $"The message of approval stage {stage.Name} was edited", $"message{State.MessageEdits}", "The message was edited.");
        await SaveAsync();
        return View();
    }

    public async Task StartRevisionAsync(string documentId, IReadOnlyDictionary<string, int> versions, IReadOnlyDictionary<string, string> names, string uploadedBy)
    {
        if (!State.Exists || State.IsOpen || State.Status != ApprovalStatus.NeedsWork) return;
        State.Revisions++;
        State.DocumentVersions = new Dictionary<string, int>(versions);
        State.DocumentNames = new Dictionary<string, string>(names);
        (State.CompletedAt, State.RoundStartedAt) = (null, Now);
        foreach (var stage in State.Paths.SelectMany(p => p.Stages))
        {
            (stage.Status, stage.OpenedAt, stage.DueAt, stage.LastReminder) = (StageStatus.Waiting, null, null, null);
            foreach (var p in stage.Participants) (p.Decision, p.DecidedBy, p.DecidedAt, p.ReviewComplete) = (null, null, null, false);
        }
        RecordEvent("RevisionStarted", new Act(uploadedBy, EventSource.Greenlight), $"version {versions[documentId]} of document {documentId}");
        StartRound();
        await SaveAsync();
        ReviewMetrics.RoundOpened(revision: true);
    }

    public async Task<bool> RebuildRowsAsync()
    {
        if (!State.Exists) return false;
        await SaveAsync();
        return true;
    }

    /// <summary>The deadline reminder ticked: sends the reminders due by the clock, once each, and keeps or drops the reminder.</summary>
    protected override async Task OnReminderAsync(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminderName) return;
        _deadlineReminder ??= await this.GetReminder(DeadlineReminderName);
        if (SendDueReminders() is { Count: > 0 } sent)
        {
            await SaveAsync();
            ReviewMetrics.StagesOverdue(sent.Count(kind => kind == ReminderKind.Deadline));
            return;
        }
        await KeepDeadlineReminderAsync();
        await DropDeadlineReminderAsync();
    }

    /// <summary>The kinds of the reminders sent, one per stage that had one due.</summary>
    private List<ReminderKind> SendDueReminders()
    {
        var sent = new List<ReminderKind>();
        foreach (var (path, index, stage) in State.OpenStages().ToList())
        {
            if (DeadlineReminders.Due(stage, Now) is not { } kind) continue;
            stage.LastReminder = kind;
            Email(stage.Participants.Where(p => !p.HasActed), stage, DeadlineReminders.Subject(kind, stage.Name), DeadlineReminders.Key(State.Revisions, path, index, kind),
                "The deadline does not reject anything: decide when you can.");
            RecordEvent("ReminderSent", Act.System, kind.ToString());
            sent.Add(kind);
        }
        return sent;
    }

    private void StartRound()
    {
        State.Status = ApprovalStatus.PendingReview;
        for (var p = 0; p < State.Paths.Count; p++) Open(p, 0);
        Record(new ApprovalOpenChanged(Id, State.ProjectId));
    }

    private void Open(int path, int index)
    {
        var (stage, now) = (State.Paths[path].Stages[index], Now);
        (stage.Status, stage.OpenedAt) = (StageStatus.Open, now);
        // Both from one reading of the clock: a reminder falling due as the stage opens is not sent.
        stage.DueAt = stage.AbsoluteDueAt ?? (stage.DueInWorkdays is { } days ? Workdays.Add(now, days) : null);
        Email(stage.Participants, stage, $"Approval stage open: {stage.Name}", $"r{State.Revisions}:p{path}:s{index}:open", "The stage waits for you.");
        RecordEvent("StageOpened", Act.System, stage.Name);
    }

    /// <summary>Locks every open stage that is done and opens the next of its path; Needs work stops the rest of its path.</summary>
    private async Task<ApprovalView> AdvanceAsync()
    {
        foreach (var (path, index, stage) in State.OpenStages().ToList())
        {
            if (!stage.IsDone()) continue;
            stage.Status = StageStatus.Completed;
            RecordEvent("StageCompleted", Act.System, stage.Name);
            var rest = State.Paths[path].Stages.Skip(index + 1).ToList();
            if (State.Paths[path].NeedsWork) rest.ForEach(s => s.Status = StageStatus.Stopped);
            else if (rest.Count > 0) Open(path, index + 1);
        }
        var finished = State.Paths.All(p => p.IsFinished);
        if (finished) Finish();
        else State.Status = ApprovalStatus.InReview;
        await SaveAsync();
        if (finished) ReviewMetrics.RoundCompleted(State.Status);
        return View();
    }

    private void Finish()
    {
        State.CompletedAt = Now;
        var decisions = State.Paths.SelectMany(p => p.Stages).SelectMany(s => s.Participants).Select(p => p.Decision).ToList();
        State.Status = State.Paths.Any(p => p.NeedsWork) ? ApprovalStatus.NeedsWork
            : decisions.Contains(Decision.ApprovedWithChanges) ? ApprovalStatus.ApprovedWithChanges
            : decisions.Contains(Decision.Approved) ? ApprovalStatus.Approved
            : ApprovalStatus.Reviewed;
        RecordEvent("Completed", Act.System, State.Status.ToString());
        Record(new ApprovalOpenChanged(Id, State.ProjectId));
        Record(new ApprovalFinished(Id, State.ProjectId, State.DocumentIds, State.Status.ToString()));
    }

    /// <summary>The open stage where the user (or a team of theirs) sits in this role and has not acted yet.</summary>
    private (StageState Stage, ParticipantState Seat) OpenSeat(string userId, ParticipantRole role)
    {
        EnsureExists();
        foreach (var (_, _, stage) in State.OpenStages())
        {
            if (stage.Participants.FirstOrDefault(s => s.Role == role && !s.HasActed && s.Includes(userId)) is { } seat) return (stage, seat);
        }
        throw new ForbiddenException($"No open stage of approval '{Id}' waits for you as {role.ToString().ToLowerInvariant()}.");
    }

    private void EnsureExists()
    {
        if (!State.Exists) throw new NotFoundException($"Approval '{Id}'");
    }

    private static StageState NewStage(StageSpec spec, IReadOnlyDictionary<string, IReadOnlyList<string>> teams) => new()
    {
        Name = spec.Name, OnlyOneDecision = spec.OnlyOneDecision, AbsoluteDueAt = spec.DueAt, DueInWorkdays = spec.DueInWorkdays,
        Participants = [.. spec.Participants.Select(p => new ParticipantState
        {
            Kind = p.Kind, Id = p.Id, Role = p.Role, Members = p.Kind == ParticipantKind.Team ? [.. teams.GetValueOrDefault(p.Id) ?? []] : [],
        })],
    };

    private void RecordEvent(string name, Act act, string? detail) =>
        Record(ReviewEventRecorded.Of(new ReviewEvent(Id, null, State.ProjectId, name, act.UserId, act.Source, Now, detail)));

    /// <summary>One email per person, recorded with the change that causes it; the key makes a repeated enqueue a no-op.</summary>
    private void Email(IEnumerable<ParticipantState> participants, StageState stage, string what, string key, string detail)
    {
        var subject = ApprovalEmails.Subject(what, State);
        var body = ApprovalEmails.Body(subject, Id, State, stage, detail, new ReviewLinks(options.Value.PublicUrl));
        foreach (var user in participants.SelectMany(p => p.Recipients()).Distinct())
        {
            Record(new EmailDue(user, subject, body), new DeliveryOptions(null, $"review:{Id}:{key}:{user}"));
        }
    }

    /// <summary>
    /// Stores the change with the approval's rows. The deadline reminder is registered before the write, so a stored
    /// stage never waits for a reminder that was not registered, and dropped only after it, once the stored state has
    /// nothing left to remind.
    /// </summary>
    private async Task SaveAsync()
    {
        Record(ApprovalRows.Of(Id, State));
        await KeepDeadlineReminderAsync();
        await WriteStateAsync();
        await DropDeadlineReminderAsync();
    }

    /// <summary>
    /// While a reminder is pending: registers the deadline reminder ticking every period, or moves its next tick onto the
    /// reminder's instant once that is less than a period away.
    /// </summary>
    private async Task KeepDeadlineReminderAsync()
    {
        if (DeadlineReminders.Next(State.Paths.SelectMany(p => p.Stages)) is not { } next) return;
        var (wait, period) = (next - Now, options.Value.ReminderPeriod);
        if (_deadlineReminder is not null && wait >= period) return;
        try
        {
            _deadlineReminder = await this.RegisterOrUpdateReminder(DeadlineReminderName, wait < TimeSpan.Zero ? TimeSpan.Zero : wait < period ? wait : period, period);
        }
        catch
        {
            // This activation holds a change that will not be stored.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task DropDeadlineReminderAsync()
    {
        if (_deadlineReminder is null || DeadlineReminders.Next(State.Paths.SelectMany(p => p.Stages)) is not null) return;
        try
        {
            await this.UnregisterReminder(_deadlineReminder);
        }
        catch (Exception error)
        {
            // The change is stored: the reminder ticks once more, finds nothing to send and is dropped then.
            logger.LogWarning(error, "Approval {ApprovalId} could not drop its deadline reminder", Id);
        }
        _deadlineReminder = null;
    }

    private ApprovalView View() => new(
        Id, State.ProjectId, State.DocumentIds, State.DocumentVersions, State.Status, State.StoredInFrameio, State.Message, State.Revisions, State.CreatedBy, State.Source,
        State.CreatedAt, State.CompletedAt,
        [.. State.Paths.Select(p => new PathView([.. p.Stages.Select(s => new StageView(s.Name, s.Status, s.OnlyOneDecision, s.DueAt, s.OpenedAt,
            [.. s.Participants.Select(x => new ParticipantView(x.Kind, x.Id, x.Role, x.Decision, x.DecidedBy, x.DecidedAt, x.ReviewComplete))]))]))]);
}
