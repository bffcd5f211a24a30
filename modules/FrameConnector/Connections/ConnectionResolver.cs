namespace Greenlight.Modules.FrameConnector.Connections;

/// <summary>Which connection a project uses, and why: its group's, else the organization default, else none.</summary>
public sealed record ConnectionChoice(ConnectionTarget? Target, string Reason);

public static class ConnectionResolver
{
    public static async Task<ConnectionChoice> ResolveAsync(IGrainFactory grains, string? groupId)
    {
        if (groupId is not null
            && await grains.GetGrain<IConnectionGrain>(ConnectionKeys.For(groupId)).TargetAsync() is { } group)
            return new ConnectionChoice(group, $"The project's group '{groupId}' is connected to Frame.io account '{group.AccountId}'.");
        var why = groupId is null ? "The project has no group" : $"The project's group '{groupId}' has no Frame.io connection";
        return await grains.GetGrain<IConnectionGrain>(ConnectionKeys.Default).TargetAsync() is { } fallback
            ? new ConnectionChoice(fallback, $"{why}; it uses the organization's default Frame.io account '{fallback.AccountId}'.")
            : new ConnectionChoice(null, $"{why} and the organization has no default Frame.io account: not connected.");
    }
}
