namespace Greenlight.FrameConnector.Tests.Support;

/// <summary>Every call of <see cref="IFrameioClient"/> once, in the order the connector would make them.</summary>
internal static class FullExercise
{
    public static async Task RunAsync(FrameioHarness harness, IFrameioClient client)
    {
        var account = harness.AccountId;
        await client.GetMeAsync();
        await client.ListAccountsAsync().ToListAsync();
        var workspace = await client.CreateWorkspaceAsync(account, "Agency work");
        await client.ListWorkspacesAsync(account).ToListAsync();
        var project = await client.CreateProjectAsync(account, workspace.Id, "Launch film");
        await client.ListProjectsAsync(account, workspace.Id).ToListAsync();
        await client.GetProjectAsync(account, project.Id);
        await client.RenameProjectAsync(account, project.Id, "Launch film (final)");
        var folder = await client.CreateFolderAsync(account, project.RootFolderId, "Task 12: storyboard");
        await client.RenameFolderAsync(account, folder.Id, "Task 12: animatic");
        var first = await client.UploadLocalFileAsync(account, folder.Id, "cut-v1.mp4", new MemoryStream(new byte[10]), 10);
        var second = await client.UploadLocalFileAsync(account, folder.Id, "cut-v2.mp4", new MemoryStream(new byte[12]), 12);
        await client.GetFileAsync(account, first.Id);
        var stack = await client.CreateVersionStackAsync(account, folder.Id, [first.Id, second.Id]);
        var third = await client.UploadLocalFileAsync(account, folder.Id, "cut-v3.mp4", new MemoryStream(new byte[14]), 14);
        await client.CreateVersionStackAsync(account, folder.Id, [stack.Id, third.Id]);
        var unfinished = await client.UploadLocalFileAsync(account, folder.Id, "cut-v4.mp4", new MemoryStream(new byte[16]), 16);
        await client.DeleteFileAsync(account, unfinished.Id);
        await client.ListFolderChildrenAsync(account, folder.Id).ToListAsync();
        var comment = await client.CreateCommentAsync(account, second.Id, "Tighten the opening", timestamp: 24);
        await client.GetCommentAsync(account, comment.Id);
        await client.ListCommentsAsync(account, second.Id).ToListAsync();
        var colleague = harness.Fake.AddAccountMember(account, "colleague@example.com");
        var found = (await client.ListAccountUsersAsync(account).ToListAsync()).First(u => u.User.Email == "colleague@example.com");
        await client.SetProjectUserRoleAsync(account, project.Id, found.User.Id ?? colleague, FrameioProjectRole.Editor);
        await client.RemoveProjectUserAsync(account, project.Id, colleague);
        var webhook = await client.CreateWebhookAsync(account, workspace.Id, "Greenlight", new Uri("http://127.0.0.1:9/hooks/frameio"), ["file.created", "comment.created"]);
        await client.ListWebhooksAsync(account, workspace.Id).ToListAsync();
        await client.DeleteWebhookAsync(account, workspace.Id, webhook.Webhook.Id);
    }
}
