using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Modules.Access.Contracts;

/// <summary>A user a form may offer: the name it shows, the e-mail that tells two of the same name apart, the id it sends.</summary>
public sealed record PersonChoice(string Id, string Name, string Email);

/// <summary>A team a form may offer.</summary>
public sealed record TeamChoice(string Id, string Name);

public sealed record PeopleChoices(IReadOnlyList<PersonChoice> Users, IReadOnlyList<TeamChoice> Teams);

/// <summary>
/// The active users and the teams the user may pick in a form, each sorted by name: what the directory shows them (the rule
/// ListUsers and ListTeams hold to). Where their level closes the users' directory (or they are External) only themself;
/// where it closes the teams', no team. Empty for an unknown or inactive user.
/// </summary>
public sealed record ListPeopleToChoose(string UserId) : IRequest<PeopleChoices>, IModuleRequest;
