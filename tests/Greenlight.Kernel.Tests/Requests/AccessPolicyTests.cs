using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Tests.Requests;

/// <summary>The authorization behaviour turns each policy decision into the right refusal, and the system principal bypasses the policy.</summary>
public sealed class AccessPolicyTests
{
    [Fact]
    public async Task A_denial_is_forbidden()
    {
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => SendGreetingUnderAsync(AccessDecision.Deny("Not on this project."), Principal.User("u1")));
        Assert.Equal("Not on this project.", error.Message);
    }

    [Fact]
    public async Task A_denial_that_hides_existence_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => SendGreetingUnderAsync(AccessDecision.DenyAsNotFound("Private project."), Principal.User("u1")));

    [Fact]
    public async Task An_allowed_user_reaches_the_handler() =>
        Assert.Equal("Hello, Ada", await SendGreetingUnderAsync(AccessDecision.Allow("Member"), Principal.User("u1")));

    [Fact]
    public async Task The_system_principal_passes_whatever_the_policy_says() =>
        Assert.Equal("Hello, Ada", await SendGreetingUnderAsync(AccessDecision.DenyAsNotFound("Nobody may."), Principal.System));

    private static async Task<string> SendGreetingUnderAsync(AccessDecision decision, Principal principal)
    {
        await using var location = new SqliteTestStore();
        await using var harness = await KernelHarness.StartAsync(location, new HarnessOptions
        {
            Start = HarnessStart.KernelOnly,
            Services = services => services.AddSingleton<IAccessPolicy>(new FixedAccessPolicy(decision)),
        });
        await using var scope = harness.Scope(principal);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Greet("Ada"));
    }
}
