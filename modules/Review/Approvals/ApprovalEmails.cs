using System.Globalization;
using System.Text;

namespace Greenlight.Modules.Review.Approvals;

/// <summary>
/// Addresses of what an email names: under <see cref="ReviewOptions.PublicUrl"/> when one is set, else the API's
/// paths relative to the host (the reader knows where their Greenlight is).
/// </summary>
internal sealed class ReviewLinks(Uri? publicUrl)
{
    public string Approval(string approvalId) => Link($"api/v1/approvals/{Uri.EscapeDataString(approvalId)}");

    public string Project(string projectId) => Link($"api/v1/projects/{Uri.EscapeDataString(projectId)}");

    public string Document(string projectId, string documentId) =>
        Link($"api/v1/projects/{Uri.EscapeDataString(projectId)}/documents/{Uri.EscapeDataString(documentId)}");

    private string Link(string path) => publicUrl is null
        ? "/" + path
        : new Uri(publicUrl.AbsoluteUri.EndsWith('/') ? publicUrl : new Uri(publicUrl.AbsoluteUri + "/"), path).AbsoluteUri;
}

/// <summary>
/// The emails of an approval, in words: the documents and project by name, the stage and its due date, a link to each,
/// and the approval's message last. Names are those of when the round started (ids for an approval stored before
/// names were kept).
/// </summary>
internal static class ApprovalEmails
{
    public static string Subject(string what, ApprovalState approval) => $"{what} ({Documents(approval)} in {ProjectName(approval)})";

    public static string Body(string subject, string approvalId, ApprovalState approval, StageState stage, string detail, ReviewLinks links)
    {
        var body = new StringBuilder()
            .AppendLine(subject).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Documents: {Documents(approval)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Project: {ProjectName(approval)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Stage: {stage.Name}, {Due(stage)}")
            .AppendLine(detail).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Open the approval: {links.Approval(approvalId)}");
        foreach (var document in approval.DocumentIds)
            body.AppendLine(CultureInfo.InvariantCulture, $"{DocumentName(approval, document)}: {links.Document(approval.ProjectId, document)}");
        body.AppendLine(CultureInfo.InvariantCulture, $"{ProjectName(approval)}: {links.Project(approval.ProjectId)}");
        if (approval.Message is { Length: > 0 } message) body.AppendLine().AppendLine("Message:").AppendLine(message);
        return body.ToString();
    }

    /// <summary>When the stage is due: a date once it is open (or set absolutely), else how long after it opens.</summary>
    public static string Due(StageState stage) =>
        (stage.DueAt ?? stage.AbsoluteDueAt) is { } at ? "due " + at.ToUniversalTime().ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : stage.DueInWorkdays is { } days ? $"due {days} workday(s) after it opens"
        : "no due date";

    private static string Documents(ApprovalState approval) => string.Join(", ", approval.DocumentIds.Select(d => DocumentName(approval, d)));

    private static string DocumentName(ApprovalState approval, string documentId) => approval.DocumentNames.GetValueOrDefault(documentId) ?? documentId;

    private static string ProjectName(ApprovalState approval) => approval.ProjectName is { Length: > 0 } name ? name : approval.ProjectId;
}
