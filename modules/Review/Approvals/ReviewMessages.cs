namespace Greenlight.Modules.Review.Approvals;

// The module's own outbox messages: emails, and the Work module kept informed.

/// <summary>One email to one user; the address is looked up when it is sent.</summary>
[GenerateSerializer, Immutable, Alias("review.email-due")]
public sealed record EmailDue([property: Id(0)] string UserId, [property: Id(1)] string Subject, [property: Id(2)] string Body) : INotification;

/// <summary>The approval opened or closed: the Work module learns which it is now (whatever order these arrive in).</summary>
[GenerateSerializer, Immutable, Alias("review.approval-open-changed")]
public sealed record ApprovalOpenChanged([property: Id(0)] string ApprovalId, [property: Id(1)] string ProjectId) : INotification;
