using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Messages;
using Greenlight.Modules.FrameConnector.Common;
using Greenlight.Modules.FrameConnector.Connections;
using Greenlight.Modules.FrameConnector.Inbound;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.FrameConnector.Webhooks;
using Greenlight.Modules.Work.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Greenlight.FrameConnector.Tests.Grains;

/// <summary>
/// What the connector's grains exchange works between two silos: every argument and result of a grain call goes through
/// Orleans's serializer and copier unchanged, and what is stored (grain state, recorded messages) reads back as written.
/// </summary>
public sealed class GrainContractTests
{
    private static readonly Assembly Module = typeof(ProjectMirrorGrain).Assembly;

    /// <summary>One value of every type a grain call of the module takes or returns (besides strings, numbers and bytes).</summary>
    private static readonly Dictionary<Type, object> Samples = new()
    {
        [typeof(ConnectInput)] = new ConnectInput(new SealedToken("CfDJ8sealed", true), new Uri("https://greenlight.example/")),
        [typeof(ConnectionView)] = new ConnectionView("group-7", ConnectionStatus.Connected, "…7781", false, "creative@example.com", "account-1",
            "Studio North", "workspace-2", true, DateTimeOffset.UnixEpoch),
        [typeof(IReadOnlyList<FrameioAccount>)] = new List<FrameioAccount> { new("account-1", "Studio North"), new("account-2", null) },
        [typeof(ConnectionTestResult)] = new ConnectionTestResult(false, null, "Frame.io GET /me answered 401."),
        [typeof(ConnectionTarget)] = new ConnectionTarget("default", "account-1", "workspace-2", new SealedToken("CfDJ8sealed", false)),
        [typeof(WebhookVerification)] = new WebhookVerification(WebhookRejection.TimestampOutsideWindow, "360 s from now"),
        [typeof(TrackedProject)] = new TrackedProject("Spring campaign", null, ProjectStatus.Current, "user-4"),
        [typeof(AssignedWork)] = new AssignedWork("task-1", "Storyboard", [new MemberCandidate("user-1", "ada@example.com", FrameioProjectRole.EditOnly)]),
        [typeof(TrackedDocument)] = new TrackedDocument("doc-1", "folder-2", "brief.pdf", 3),
        [typeof(MirrorView)] = new MirrorView("default", null, "project-3", "folder-4",
            new Dictionary<string, string> { ["task-1"] = "folder-5" }, new Dictionary<string, string> { ["user-1"] = "user-9" },
            new Dictionary<string, string> { ["doc-1:1"] = "file-6" }, ["upload:doc-2:1"], [new ParkedStep("member:user-2", "Frame.io answered 422.")],
            new Dictionary<string, string> { ["user-3"] = "cleo@example.com" }, new Dictionary<string, string>(), "folder-9"),
    };

    [Fact]
    public void Grain_interfaces_and_their_methods_have_stable_aliases_and_grains_a_stable_type()
    {
        var interfaces = Module.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t)).ToList();
        var grains = Module.GetTypes().Where(t => t.IsClass && typeof(Grain).IsAssignableFrom(t)).ToList();

        Assert.Equal(2, interfaces.Count);
        Assert.Empty(interfaces.Where(i => i.GetCustomAttribute<AliasAttribute>() is null).Select(i => i.Name));
        Assert.Empty(interfaces.SelectMany(i => i.GetMethods()).Where(m => m.GetCustomAttribute<AliasAttribute>() is null).Select(m => $"{m.DeclaringType!.Name}.{m.Name}"));
        Assert.Empty(grains.Where(g => !g.IsSealed || g.GetCustomAttribute<GrainTypeAttribute>() is null).Select(g => g.Name));
    }

    [Fact]
    public void Every_argument_and_result_of_a_grain_call_crosses_silos_unchanged()
    {
        var crossing = Module.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .SelectMany(i => i.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Select(Unwrapped).Where(t => t is not null && !t.IsPrimitive && t != typeof(string) && t != typeof(byte[])).Distinct().ToList();
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(Module)).BuildServiceProvider();
        var (serializer, copier) = (services.GetRequiredService<Serializer>(), services.GetRequiredService<DeepCopier>());

        Assert.Empty(crossing.Where(t => !Samples.ContainsKey(t!)).Select(t => t!.Name)); // a new type crossing a call needs a sample here
        foreach (var (type, sample) in Samples)
        {
            Assert.Equal(Json(sample), Json(serializer.Deserialize<object>(serializer.SerializeToArray<object>(sample))));
            Assert.Equal(Json(sample), Json(copier.Copy<object>(sample)));
        }
    }

    [Fact]
    public void The_token_travels_sealed_and_is_never_printed()
    {
        var target = (ConnectionTarget)Samples[typeof(ConnectionTarget)];

        Assert.DoesNotContain("CfDJ8sealed", target.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("CfDJ8sealed", Samples[typeof(ConnectInput)].ToString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mirror_state_reads_back_as_it_was_stored()
    {
        var state = new MirrorState
        {
            Tracked = true, Name = "Spring campaign", Status = ProjectStatus.Current,
            Members = { ["user-1"] = new MemberCandidate("user-1", "ada@example.com", FrameioProjectRole.Commenter) },
            Queued = ["upload:doc-1:2"],
            Tries = { ["task-folder:task-1"] = new StepTry(2, ["Storyboard", "Animatic"]) },
            Frameio = { ProjectId = "project-3", AwaitingInvite = { ["user-2"] = DateTimeOffset.UnixEpoch }, Members = { ["user-1"] = new FrameioMember("user-9", FrameioProjectRole.Commenter, false) } },
        };
        // As the silo stores grain state: System.Text.Json, property names, enums by name.
        var storage = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };

        var stored = JsonSerializer.Serialize(state, storage);
        var read = JsonSerializer.Deserialize<MirrorState>(stored, storage)!;

        Assert.Contains("\"Commenter\"", stored, StringComparison.Ordinal);
        Assert.Equal(stored, JsonSerializer.Serialize(read, storage));
    }

    [Fact]
    public void Recorded_and_queued_messages_are_stored_under_their_alias_and_read_back()
    {
        var catalog = new MessageCatalog([Module]);
        INotification[] messages =
        [
            new MirrorStepDue("project-1", "task-folder:task-1"),
            new WorkAssignedEmailDue("project-1", "user-1", null),
            new LinksFound([new Link("folder-5", LinkKind.TaskFolder, "project-1", "task-1")]),
            new MirrorItemsSaved("project-1",
                new Dictionary<string, MirroredTask> { ["task-1"] = new("Storyboard", ["user-1"], "folder-5", "Storyboard", ["user-1"]) },
                new Dictionary<string, MirroredDocument> { ["doc-1"] = new("brief.pdf", 2, true, ["file-6", "file-7"], "stack-8", 2) }, ["task-2"]),
            new MirrorStuckChanged("project-1", [new StuckWork("member:user-2", "No active user of Frame.io account a has the e-mail e", 0, DateTimeOffset.UnixEpoch)]),
            new FrameioEventReceived("default", "action.executed", "project-3", "file", ["file-6", "file-7"], "user-9",
                new Dictionary<string, string> { ["template"] = "template-1" }),
        ];

        foreach (var message in messages)
        {
            var name = MessageCatalog.Name(message.GetType());
            Assert.StartsWith("frameconnector.", name, StringComparison.Ordinal);
            Assert.Equal(Json(message), Json(catalog.Deserialize(name, catalog.Serialize(message))));
        }
    }

    /// <summary>The type a call carries: T of Task&lt;T&gt;, none of Task.</summary>
    private static Type? Unwrapped(Type type) =>
        type == typeof(Task) ? null
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? Nullable.GetUnderlyingType(type.GetGenericArguments()[0]) ?? type.GetGenericArguments()[0]
        : Nullable.GetUnderlyingType(type) ?? type;

    private static string Json(object? value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object));
}
