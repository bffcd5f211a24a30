namespace Greenlight.Modules.Work.Listing;

/// <summary>What the console's pages list in full.</summary>
public static class WorkLists
{
    /// <summary>Every object of the type (in the project, when one is given) the person may view, page after page of the request the API sends.</summary>
    public static async Task<IReadOnlyList<WorkObjectSummary>> AllAsync(this IMediator sender, ObjectType type, string? projectId)
    {
        var all = new List<WorkObjectSummary>();
        string? after = null;
        do
        {
            var page = await sender.Send(new ListWorkObjects(type, projectId, null, after, ListWorkObjects.MaxLimit));
            all.AddRange(page.Items);
            after = page.Next;
        } while (after is not null);
        return all;
    }
}
