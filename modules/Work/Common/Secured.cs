namespace Greenlight.Modules.Work.Common;

/// <summary>The secured references of the work tree: portfolios, programs and projects are their own containers; the rest sit in a project.</summary>
internal static class Secured
{
    public static SecuredRef Portfolio(string id) => SecuredRef.ContainerItself(new ObjectRef(ObjectType.Portfolio, id));

    public static SecuredRef Program(string id) => SecuredRef.ContainerItself(new ObjectRef(ObjectType.Program, id));

    public static SecuredRef Project(string id) => SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, id));

    public static SecuredRef InProject(string projectId, ObjectType type, string id) =>
        new(new ObjectRef(type, id), new ObjectRef(ObjectType.Project, projectId));

    /// <summary>The object itself, or the project when it is the project.</summary>
    public static SecuredRef InProject(string projectId, ObjectRef item) =>
        item.Type == ObjectType.Project ? Project(projectId) : new SecuredRef(item, new ObjectRef(ObjectType.Project, projectId));

    /// <summary>Where a project sits: its program, else its portfolio, else nowhere (top level).</summary>
    public static SecuredRef? ProjectParent(string? programId, string? portfolioId) =>
        programId is not null ? Program(programId) : portfolioId is not null ? Portfolio(portfolioId) : null;

    /// <summary>A row of a list as the Access module knows it.</summary>
    public static SecuredRef Of(ObjectType type, string id, string? projectId) => type switch
    {
        ObjectType.Portfolio or ObjectType.Program or ObjectType.Project => SecuredRef.ContainerItself(new ObjectRef(type, id)),
        _ => InProject(projectId!, type, id),
    };

    public static string UserId(this ICurrentPrincipal current) =>
        current.Principal?.UserId ?? throw new Kernel.Errors.NotAuthenticatedException();
}

internal static class WorkIds
{
    private static long _last;

    /// <summary>Strictly increasing on this host (time in ticks, then random bits), so ids sort in creation order: the lists page by id.</summary>
    public static string New()
    {
        long last, next;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(DateTime.UtcNow.Ticks, last + 1);
        } while (Interlocked.CompareExchange(ref _last, next, last) != last);
        return next.ToString("x16") + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
    }
}
