namespace Greenlight.Modules.Review.Approvals;

/// <summary>Who acts, and from which system.</summary>
[GenerateSerializer, Immutable, Alias("review.act")]
public sealed record Act([property: Id(0)] string UserId, [property: Id(1)] EventSource Source)
{
    public static Act System { get; } = new("system", EventSource.Greenlight);
}

/// <param name="DocumentVersions">The current version of each document: the version this first round decides on.</param>
/// <param name="TeamMembers">The members of every team among the participants, looked up when the approval starts.</param>
[GenerateSerializer, Immutable, Alias("review.new-approval")]
public sealed record NewApproval(
    [property: Id(0)] string ProjectId, [property: Id(1)] string? GroupId, [property: Id(2)] IReadOnlyDictionary<string, int> DocumentVersions, [property: Id(3)] bool StoredInFrameio, [property: Id(4)] string? Message,
    [property: Id(5)] IReadOnlyList<PathSpec> Paths, [property: Id(6)] IReadOnlyDictionary<string, IReadOnlyList<string>> TeamMembers, [property: Id(7)] Act By);

/// <summary>One grain per approval: its paths and stages, who decided what, its reminders.</summary>
public interface IApprovalGrain : IGrainWithStringKey
{
    Task<ApprovalView> CreateAsync(NewApproval approval);

    /// <summary>Null when there is no such approval.</summary>
    Task<ApprovalView?> FindAsync();

    /// <summary>An approver's decision in the open stage waiting for them (403 when none waits).</summary>
    Task<ApprovalView> DecideAsync(Act act, Decision decision, string? comment);

    /// <summary>A reviewer marks their review complete: it never blocks anyone.</summary>
    Task<ApprovalView> CompleteReviewAsync(Act act);

    Task<ApprovalView> CommentAsync(Act act, string text);

    /// <summary>A new message: the participants of the open stages get it again by email.</summary>
    Task<ApprovalView> EditMessageAsync(Act act, string? message);

    /// <summary>A reminder timer fired: emails whoever has not acted yet, once, if the stage is still open.</summary>
    Task RemindAsync(ReminderDue due);

    /// <summary>
    /// A new version of a document after Needs work: a new round (a revision) starts on <paramref name="versions"/>,
    /// the current version of every document of the approval. No-op otherwise.
    /// </summary>
    Task StartRevisionAsync(string documentId, IReadOnlyDictionary<string, int> versions, string uploadedBy);
}

[GrainType("review.approval")]
public sealed class ApprovalGrain(IStore store, TimeProvider clock) : DurableGrain<ApprovalState>, IApprovalGrain
{
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
            CreatedAt = Now, RoundStartedAt = Now,
            Paths = [.. approval.Paths.Select(p => new PathState { Stages = [.. p.Stages.Select(s => NewStage(s, approval.TeamMembers))] })],
        };
        Record(new ApprovalDocumentsAdded(Id, State.DocumentIds));
        RecordEvent("Created", approval.By, approval.Message);
        foreach (var later in State.Paths.SelectMany(p => p.Stages.Skip(1)))
            Email(later.Participants, $"You are assigned to an approval stage: {later.Name}", "Assigned", "You will be told when your stage opens.");
        StartRound();
        await SaveAsync();
        return View();
    }

    public Task<ApprovalView?> FindAsync() => Task.FromResult(State.Exists ? View() : null);

    public async Task<ApprovalView> DecideAsync(Act act, Decision decision, string? comment)
    {
        var (path, index, stage, seat) = OpenSeat(act.UserId, ParticipantRole.Approver);
        if (decision == Decision.ApprovedWithChanges && State.StoredInFrameio)
            throw RequestValidationException.ForField("decision", "'Approved with changes' is not offered for assets stored in Frame.io.");
        (seat.Decision, seat.DecidedBy, seat.DecidedAt) = (decision, act.UserId, Now);
        Record(new WaitingStopped(Id, path, index, seat.Kind, seat.Id));
        Record(new DecisionRecorded(Id, State.Revisions, seat.DecidedBy!, State.ProjectId, State.GroupId, decision,
            ReviewRows.Ms(stage.OpenedAt!.Value), ReviewRows.Ms(seat.DecidedAt!.Value)));
        RecordEvent("Decision", act, comment is null ? decision.ToString() : $"{decision}: {comment}");
        return await AdvanceAsync();
    }

    public async Task<ApprovalView> CompleteReviewAsync(Act act)
    {
        var (path, index, _, seat) = OpenSeat(act.UserId, ParticipantRole.Reviewer);
        seat.ReviewComplete = true;
        seat.DecidedBy = act.UserId;
        Record(new WaitingStopped(Id, path, index, seat.Kind, seat.Id));
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

    public async Task<ApprovalView> EditMessageAsync(Act act, string? message)
    {
        EnsureExists();
        State.Message = message;
        State.MessageEdits++;
        RecordEvent("MessageEdited", act, message);
        for (var p = 0; p < State.Paths.Count; p++)
        {
            var index = State.Paths[p].Stages.FindIndex(s => s.Status == StageStatus.Open);
            if (index < 0) continue;
            var stage = State.Paths[p].Stages[index];
            Email(stage.Participants, $"The message of approval stage {stage.Name} was edited", $"message{State.MessageEdits}", "The message is now:");
        }
        await SaveAsync();
        return View();
    }

    public async Task RemindAsync(ReminderDue due)
    {
        if (!State.IsOpen || due.Revision != State.Revisions || State.Paths[due.Path].Stages[due.Stage] is not { Status: StageStatus.Open } stage
            || !State.RemindersSent.Add(due.Key())) return;
        var subject = due.Kind == ReminderKind.Deadline
            ? $"The deadline of approval stage {stage.Name} is reached"
            : $"Reminder: approval stage {stage.Name} is due in {ReminderDue.Before(due.Kind).TotalHours:0} hours";
        Email(stage.Participants.Where(p => !p.HasActed), subject, due.Key(), $"Due {stage.DueAt:u}. The deadline does not reject anything.");
        RecordEvent("ReminderSent", Act.System, due.Kind.ToString());
        await SaveAsync();
    }

    public async Task StartRevisionAsync(string documentId, IReadOnlyDictionary<string, int> versions, string uploadedBy)
    {
        if (!State.Exists || State.IsOpen || State.Status != ApprovalStatus.NeedsWork) return;
        State.Revisions++;
        State.DocumentVersions = new Dictionary<string, int>(versions);
        (State.CompletedAt, State.RoundStartedAt, State.RemindersSent) = (null, Now, []);
        foreach (var stage in State.Paths.SelectMany(p => p.Stages))
        {
            (stage.Status, stage.OpenedAt, stage.DueAt) = (StageStatus.Waiting, null, null);
            foreach (var p in stage.Participants) (p.Decision, p.DecidedBy, p.DecidedAt, p.ReviewComplete) = (null, null, null, false);
        }
        RecordEvent("RevisionStarted", new Act(uploadedBy, EventSource.Greenlight), $"version {versions[documentId]} of document {documentId}");
        StartRound();
        await SaveAsync();
    }

    private void StartRound()
    {
        State.Status = ApprovalStatus.PendingReview;
        Record(new DocumentsOpened(Id, State.DocumentIds));
        for (var p = 0; p < State.Paths.Count; p++) Open(p, 0);
        Record(new ApprovalOpenChanged(Id, State.ProjectId));
    }

    private void Open(int path, int index)
    {
        var stage = State.Paths[path].Stages[index];
        (stage.Status, stage.OpenedAt) = (StageStatus.Open, Now);
        stage.DueAt = stage.AbsoluteDueAt ?? (stage.DueInWorkdays is { } days ? Workdays.Add(Now, days) : null);
        foreach (var participant in stage.Participants)
            Record(new WaitingStarted(Id, State.ProjectId, path, index, stage.Name, ReviewRows.Ms(stage.OpenedAt!.Value), ReviewRows.Ms(stage.DueAt),
                participant.Kind, participant.Id, participant.Role));
        Email(stage.Participants, $"Approval stage open: {stage.Name}", $"r{State.Revisions}:p{path}:s{index}:open",
            stage.DueAt is { } due ? $"Due {due:u}." : "No due date.");
        RecordEvent("StageOpened", Act.System, stage.Name);
        if (stage.DueAt is not { } dueAt) return;
        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            var at = dueAt - ReminderDue.Before(kind);
            var timer = new ReminderDue(Id, State.Revisions, path, index, kind);
            if (at > Now) Record(timer, new DeliveryOptions(at, timer.Key()));
        }
    }

    /// <summary>Locks every open stage that is done and opens the next of its path; Needs work stops the rest of its path.</summary>
    private async Task<ApprovalView> AdvanceAsync()
    {
        for (var p = 0; p < State.Paths.Count; p++)
        {
            var stages = State.Paths[p].Stages;
            var open = stages.FindIndex(s => s.Status == StageStatus.Open);
            if (open < 0 || !stages[open].IsDone()) continue;
            Lock(p, open);
            if (State.Paths[p].NeedsWork) stages.Skip(open + 1).ToList().ForEach(s => s.Status = StageStatus.Stopped);
            else if (open + 1 < stages.Count) Open(p, open + 1);
        }
        if (State.Paths.All(p => p.IsFinished)) Finish();
        else State.Status = ApprovalStatus.InReview;
        await SaveAsync();
        return View();
    }

    private void Lock(int path, int index)
    {
        var stage = State.Paths[path].Stages[index];
        stage.Status = StageStatus.Completed;
        Record(new WaitingStopped(Id, path, index));
        Record(new TimersCancelled([.. Enum.GetValues<ReminderKind>().Select(kind => ReminderDue.Key(Id, State.Revisions, path, index, kind))]));
        RecordEvent("StageCompleted", Act.System, stage.Name);
    }

    private void Finish()
    {
        State.CompletedAt = Now;
        var decisions = State.Paths.SelectMany(p => p.Stages).SelectMany(s => s.Participants).Select(p => p.Decision).ToList();
        State.Status = State.Paths.Any(p => p.NeedsWork) ? ApprovalStatus.NeedsWork
            : decisions.Contains(Decision.ApprovedWithChanges) ? ApprovalStatus.ApprovedWithChanges
            : decisions.Contains(Decision.Approved) ? ApprovalStatus.Approved
            : ApprovalStatus.Reviewed;
        Record(new DocumentsClosed(Id));
        RecordEvent("Completed", Act.System, State.Status.ToString());
        Record(new ApprovalOpenChanged(Id, State.ProjectId));
        Record(new ApprovalFinished(Id, State.ProjectId, State.DocumentIds, State.Status.ToString()));
    }

    /// <summary>The open stage where the user (or a team of theirs) sits in this role and has not acted yet.</summary>
    private (int Path, int Index, StageState Stage, ParticipantState Seat) OpenSeat(string userId, ParticipantRole role)
    {
        EnsureExists();
        for (var p = 0; p < State.Paths.Count; p++)
        {
            var index = State.Paths[p].Stages.FindIndex(s => s.Status == StageStatus.Open);
            if (index < 0) continue;
            var stage = State.Paths[p].Stages[index];
            if (stage.Participants.FirstOrDefault(s => s.Role == role && !s.HasActed && s.Includes(userId)) is { } seat)
                return (p, index, stage, seat);
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

    /// <summary>One email per person; the key makes a repeated enqueue (a redelivered timer) a no-op.</summary>
    private void Email(IEnumerable<ParticipantState> participants, string subject, string key, string detail)
    {
        var body = $"{subject}\n\nApproval {Id} in project {State.ProjectId}.\n{detail}\n{State.Message}";
        foreach (var user in participants.SelectMany(p => p.Recipients()).Distinct())
        {
            Record(new EmailDue(user, subject, body), new DeliveryOptions(null, $"review:{Id}:{key}:{user}"));
        }
    }

    private Task SaveAsync()
    {
        Record(ApprovalRowSaved.Of(Id, State));
        return WriteStateAsync();
    }

    private ApprovalView View() => new(
        Id, State.ProjectId, State.DocumentIds, State.DocumentVersions, State.Status, State.StoredInFrameio, State.Message, State.Revisions, State.CreatedBy, State.Source,
        State.CreatedAt, State.CompletedAt,
        [.. State.Paths.Select(p => new PathView([.. p.Stages.Select(s => new StageView(s.Name, s.Status, s.OnlyOneDecision, s.DueAt, s.OpenedAt,
            [.. s.Participants.Select(x => new ParticipantView(x.Kind, x.Id, x.Role, x.Decision, x.DecidedBy, x.DecidedAt, x.ReviewComplete))]))]))]);
}
