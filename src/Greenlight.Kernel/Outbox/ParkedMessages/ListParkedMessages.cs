using FluentValidation;
using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Kernel.Outbox.ParkedMessages;

public sealed record ListParkedMessages(int Limit = 100) : IRequest<IReadOnlyList<ParkedMessage>>, IAdministrativeRequest;

public sealed class ListParkedMessagesValidator : AbstractValidator<ListParkedMessages>
{
    public ListParkedMessagesValidator() => RuleFor(r => r.Limit).InclusiveBetween(1, 1000);
}

/// <summary>The outbox's parked messages and the modules' stuck work (<see cref="IStuckWorkSource"/>), newest first.</summary>
public sealed class ListParkedMessagesHandler(SqlOutbox outbox, IEnumerable<IStuckWorkSource> sources) : IRequestHandler<ListParkedMessages, IReadOnlyList<ParkedMessage>>
{
    public async Task<IReadOnlyList<ParkedMessage>> Handle(ListParkedMessages request, CancellationToken cancellationToken)
    {
        var all = new List<ParkedMessage>(await outbox.ListParkedAsync(request.Limit, cancellationToken));
        foreach (var source in sources) all.AddRange(await source.ListAsync(request.Limit, cancellationToken));
        return [.. all.OrderByDescending(m => m.ParkedAt).ThenBy(m => m.Id, StringComparer.Ordinal).Take(request.Limit)];
    }
}
