using FluentValidation;
using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Kernel.Outbox.ParkedMessages;

public sealed record ListParkedMessages(int Limit = 100) : IRequest<IReadOnlyList<ParkedMessage>>, IAdministrativeRequest;

public sealed class ListParkedMessagesValidator : AbstractValidator<ListParkedMessages>
{
    public ListParkedMessagesValidator() => RuleFor(r => r.Limit).InclusiveBetween(1, 1000);
}

public sealed class ListParkedMessagesHandler(SqlOutbox outbox) : IRequestHandler<ListParkedMessages, IReadOnlyList<ParkedMessage>>
{
    public Task<IReadOnlyList<ParkedMessage>> Handle(ListParkedMessages request, CancellationToken cancellationToken) =>
        outbox.ListParkedAsync(request.Limit, cancellationToken);
}
