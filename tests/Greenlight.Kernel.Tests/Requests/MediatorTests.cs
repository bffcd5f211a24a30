using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Tests.Requests;

/// <summary>Requests reach their one handler, notifications every handler, through behaviours in registration order.</summary>
public sealed class MediatorTests : IAsyncLifetime
{
    private readonly SqliteTestStore _location = new();
    private KernelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await KernelHarness.StartAsync(_location, new HarnessOptions
    {
        Start = HarnessStart.KernelOnly,
        Services = services =>
        {
            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(OuterRecordingBehavior<,>));
            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(InnerRecordingBehavior<,>));
        },
    });

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _location.DisposeAsync();
    }

    [Fact]
    public async Task A_request_is_answered_by_its_handler()
    {
        await using var scope = _harness.Scope(Principal.User("someone"));

        var answer = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Greet("Ada"));

        Assert.Equal("Hello, Ada", answer);
        Assert.Equal(1, _harness.Journal.Count("handler:Ada"));
    }

    [Fact]
    public async Task A_notification_reaches_every_handler_of_its_type()
    {
        await using var scope = _harness.Scope();

        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new ProjectArchived("apollo"));

        Assert.Equal(["index:apollo", "watchers:apollo"], _harness.Journal.Entries.Order());
    }

    [Fact]
    public async Task Behaviours_wrap_the_handler_in_registration_order()
    {
        await using var scope = _harness.Scope(Principal.User("someone"));

        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Greet("Ada"));

        Assert.Equal(["outer:before", "inner:before", "handler:Ada", "inner:after", "outer:after"], _harness.Journal.Entries);
    }

    [Fact]
    public async Task Invalid_fields_are_reported_by_their_camel_case_path_and_the_handler_does_not_run()
    {
        await using var scope = _harness.Scope(Principal.System);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RenameProject("", [new Stage("ok"), new Stage("far too long")])));

        Assert.Equal(["projectName", "stages[1].title"], error.Errors.Keys.Order());
        Assert.Equal(["A project needs a name."], error.Errors["projectName"]);
        Assert.Equal(["Too long."], error.Errors["stages[1].title"]);
        // Validation wraps the modules' behaviours too: none of them ran.
        Assert.Empty(_harness.Journal.Entries);
    }

    [Fact]
    public async Task A_caller_without_rights_is_refused_before_validation_so_never_sees_field_errors()
    {
        await using var scope = _harness.Scope(Principal.User("not-the-administrator"));

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RenameProject("", [new Stage("far too long")])));

        Assert.Empty(_harness.Journal.Entries);
    }

    [Fact]
    public async Task A_request_without_a_handler_fails_naming_the_request()
    {
        await using var scope = _harness.Scope(Principal.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Unanswered()));

        Assert.Contains(nameof(Unanswered), error.Message);
    }

    [Fact]
    public async Task A_notification_without_handlers_is_published_to_nobody()
    {
        await using var scope = _harness.Scope();

        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new NobodyListens());

        Assert.Empty(_harness.Journal.Entries);
    }

    [Fact]
    public async Task Authorization_runs_before_validation_so_an_anonymous_caller_learns_nothing_about_fields()
    {
        await using var scope = _harness.Scope();

        await Assert.ThrowsAsync<NotAuthenticatedException>(() =>
            scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RenameProject("", [])));
    }

    [Fact]
    public async Task Without_a_principal_the_request_is_refused_as_not_authenticated()
    {
        await using var scope = _harness.Scope();

        await Assert.ThrowsAsync<NotAuthenticatedException>(() => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Greet("Ada")));
        Assert.Empty(_harness.Journal.Entries);
    }

    [Fact]
    public async Task Only_the_system_administrator_may_send_an_administrative_request()
    {
        var administrator = (await _harness.Get<IOrganization>().GetAsync())!.AdministratorUserId;

        await using (var scope = _harness.Scope(Principal.User("not-the-administrator")))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RenameProject("apollo", [])));
        }
        await using (var scope = _harness.Scope(Principal.User(administrator)))
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RenameProject("apollo", []));
        }

        Assert.Equal(1, _harness.Journal.Count("handler:rename"));
    }
}
