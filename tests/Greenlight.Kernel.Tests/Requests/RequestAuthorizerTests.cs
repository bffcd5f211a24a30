using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Tests.Requests;

/// <summary>A request's authorizers run once the policy allows, in registration order, before validation; the system principal skips them as it skips the policy.</summary>
public sealed class RequestAuthorizerTests
{
    private static readonly AccessDecision Allowed = AccessDecision.Allow("Editor");

    [Fact]
    public async Task A_denial_stops_validation_and_the_handler()
    {
        var (_, error, journal) = await SendAsync(Allowed, Principal.User("u1"), new Publish("", AccessDecision.Deny("Not an editor."), Allowed));

        Assert.Equal("Not an editor.", Assert.IsType<ForbiddenException>(error).Message);
        Assert.Equal(["authorizer:first"], journal);
    }

    [Fact]
    public async Task A_denial_that_hides_existence_is_not_found()
    {
        var (_, error, journal) = await SendAsync(Allowed, Principal.User("u1"), new Publish("", Allowed, AccessDecision.DenyAsNotFound("Private.")));

        Assert.IsType<NotFoundException>(error);
        Assert.Equal(["authorizer:first", "authorizer:second"], journal);
    }

    [Fact]
    public async Task Validation_runs_after_every_authorizer_allows()
    {
        var (_, error, journal) = await SendAsync(Allowed, Principal.User("u1"), new Publish("", Allowed, Allowed));

        Assert.IsType<RequestValidationException>(error);
        Assert.Equal(["authorizer:first", "authorizer:second"], journal);
    }

    [Fact]
    public async Task A_policy_denial_asks_no_authorizer()
    {
        var (_, error, journal) = await SendAsync(AccessDecision.Deny("Nobody."), Principal.User("u1"), new Publish("news", Allowed, Allowed));

        Assert.IsType<ForbiddenException>(error);
        Assert.Empty(journal);
    }

    [Fact]
    public async Task Allowed_by_the_policy_and_every_authorizer_in_order_reaches_the_handler()
    {
        var (answer, error, journal) = await SendAsync(Allowed, Principal.User("u1"), new Publish("news", Allowed, Allowed));

        Assert.Null(error);
        Assert.Equal("news", answer);
        Assert.Equal(["authorizer:first", "authorizer:second", "handler:publish"], journal);
    }

    [Fact]
    public async Task The_system_principal_skips_the_authorizers_as_it_skips_the_policy()
    {
        var nobody = AccessDecision.DenyAsNotFound("Nobody may.");

        var (answer, error, journal) = await SendAsync(nobody, Principal.System, new Publish("news", nobody, nobody));

        Assert.Null(error);
        Assert.Equal("news", answer);
        Assert.Equal(["handler:publish"], journal);
    }

    /// <summary>Sends the request on a kernel host whose policy gives one decision: what the handler answered or what was thrown, and what the journal holds.</summary>
    private static async Task<(string? Answer, Exception? Error, IReadOnlyList<string> Journal)> SendAsync(AccessDecision policy, Principal principal, Publish request)
    {
        await using var location = new SqliteTestStore();
        await using var harness = await KernelHarness.StartAsync(location, new HarnessOptions
        {
            Start = HarnessStart.KernelOnly,
            Services = services => services.AddSingleton<IAccessPolicy>(new FixedAccessPolicy(policy)),
        });
        await using var scope = harness.Scope(principal);
        string? answer = null;
        var error = await Record.ExceptionAsync(async () => answer = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request));
        return (answer, error, harness.Journal.Entries);
    }
}
