using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Decisions;

/// <summary>The answer to "may this user do this", with what it was weighed on.</summary>
/// <param name="LevelCap">The most the user's access level allows for this action, on the permission scale (None when the level does not allow the action at all).</param>
/// <param name="Held">The permission the user holds on the object (on the parent, for a create), after the documents' Contribute-is-Manage rule.</param>
/// <param name="Needed">The permission the action needs, from both the level and the object.</param>
public sealed record AccessVerdict(bool Allowed, Permission LevelCap, Permission Held, Permission Needed, string Reason);
