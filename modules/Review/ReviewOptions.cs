namespace Greenlight.Modules.Review;

/// <summary>Section <c>Review</c>.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>
    /// How often an approval with a deadline reminder still to send is woken (the period of its Orleans reminder)
    /// while that reminder is more than a period away; once it is nearer, the next tick is moved onto its instant.
    /// After a host failure a reminder may come up to one period late. Shorter than Orleans's minimum reminder
    /// period (one minute), it lowers that minimum.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Where users reach this Greenlight (such as <c>https://greenlight.example.com/</c>): emails link to approvals,
    /// documents and projects under it. Without it they carry the API's paths relative to the host.
    /// </summary>
    public Uri? PublicUrl { get; set; }
}
