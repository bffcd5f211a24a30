namespace Greenlight.Modules.Work.Projects;

/// <summary>
/// The project grain's stored state: the project itself and what its rules need that is not an item.
/// Its items are not here but in <c>work_items</c>, one row each (see <see cref="ProjectContents"/>), so a
/// change stores this small state with the messages carrying the items it changed, whatever the project holds.
/// </summary>
[GenerateSerializer, Alias("work.project-state")]
public sealed class ProjectState : DurableState
{
    [Id(0)]
    public bool Exists { get; set; }
    [Id(1)]
    public string Name { get; set; } = "";
    [Id(2)]
    public string? Description { get; set; }
    [Id(3)]
    public string? GroupId { get; set; }
    [Id(4)]
    public string OwnerId { get; set; } = "";
    [Id(5)]
    public string? ProgramId { get; set; }
    [Id(6)]
    public string? PortfolioId { get; set; }
    [Id(7)]
    public ProjectStatus Status { get; set; }
    // Ids 8-11 held the items before they moved to work_items: not reused.
    [Id(12)]
    public HashSet<string> OpenApprovals { get; set; } = [];

    /// <summary>
    /// Moves of tasks between projects that this project has settled (took the task in, or took it back),
    /// by move id and when: a repeated step of a move changes nothing. Kept through a delete (a move that
    /// ended here must not be undone because the project is gone), dropped after <c>Grains:HandedOnRetention</c>.
    /// </summary>
    [Id(13)]
    public Dictionary<string, DateTimeOffset> SettledMoves { get; set; } = [];

    /// <summary>How many writes the project has had: what orders views read at different times (<see cref="ProjectView.Revision"/>).</summary>
    [Id(14)]
    public long Revision { get; set; }
}
