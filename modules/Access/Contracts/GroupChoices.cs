using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Modules.Access.Contracts;

/// <summary>A group a person may pick: its name, and its level in the tree (1 for a top-level group) to show it indented.</summary>
public sealed record GroupChoice(string Id, string Name, int Depth);

/// <summary>
/// The groups the user may associate a new project with, in tree order (each group before its subgroups, siblings by name):
/// every group for a System Administrator; for anyone else the groups they belong to or administer, with their subgroups.
/// Empty for an unknown or inactive user.
/// </summary>
public sealed record ListGroupsToChoose(string UserId) : IRequest<IReadOnlyList<GroupChoice>>, IModuleRequest;

/// <summary>The names of the teams among the ids given that exist (what a page shows of a team assignee).</summary>
public sealed record GetTeamNames(IReadOnlyList<string> TeamIds) : IRequest<IReadOnlyDictionary<string, string>>, IModuleRequest;
