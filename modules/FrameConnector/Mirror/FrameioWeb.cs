namespace Greenlight.Modules.FrameConnector.Mirror;

/// <summary>Where people open a mirrored project or folder in Frame.io's web app (V4: next.frame.io), for the sync page's links.</summary>
public static class FrameioWeb
{
    private const string App = "https://next.frame.io/project/";

    public static string Project(string frameioProjectId) => App + Uri.EscapeDataString(frameioProjectId);

    public static string Folder(string frameioProjectId, string folderId) => $"{Project(frameioProjectId)}/{Uri.EscapeDataString(folderId)}";
}
