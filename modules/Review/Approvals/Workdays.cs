namespace Greenlight.Modules.Review.Approvals;

public static class Workdays
{
    /// <summary>The same time of day <paramref name="days"/> working days (Monday to Friday) later.</summary>
    public static DateTimeOffset Add(DateTimeOffset from, int days)
    {
        var at = from;
        while (days > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return at;
    }
}
