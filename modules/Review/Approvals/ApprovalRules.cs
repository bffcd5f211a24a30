namespace Greenlight.Modules.Review.Approvals;

/// <summary>
/// The rules approvals and templates share: stages, participants, the message. A required field may arrive as null
/// (missing from the body, or null inside a list): each rule stops at its first failure, so nothing reads a null.
/// </summary>
internal static class ApprovalRules
{
    public const int MessageLength = 500;
    public const int MaxPaths = 30;
    public const int MaxStages = 100;
    public const int MaxDocuments = 10;

    public static IRuleBuilderOptions<T, string?> MustBeMessage<T>(this IRuleBuilder<T, string?> rule) => rule.MaximumLength(MessageLength);

    public static IRuleBuilderOptions<T, string> MustBeId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9_.:-]+$");

    /// <summary>Stages of one path: in order, only the first with an absolute due date.</summary>
    public static void MustBeStages<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<StageSpec>>> stages)
    {
        validator.RuleFor(stages).Cascade(CascadeMode.Stop).NotEmpty().Must(s => s.Count <= MaxStages).WithMessage($"At most {MaxStages} stages.")
            .Custom((list, context) =>
            {
                // A failure's name is relative to the validator being run (a path's, inside an approval's).
                var property = context.PropertyPath[(context.PropertyPath.LastIndexOf('.') + 1)..];
                for (var i = 1; i < list.Count; i++)
                {
                    if (list[i]?.DueAt is not null)
                        context.AddFailure($"{property}[{i}].DueAt", "Only a path's first stage has an absolute due date; give later stages dueInWorkdays.");
                }
            });
        var each = System.Linq.Expressions.Expression.Lambda<Func<T, IEnumerable<StageSpec>>>(stages.Body, stages.Parameters);
        validator.RuleForEach(each).NotNull().SetValidator(new StageValidator());
    }
}

internal sealed class StageValidator : AbstractValidator<StageSpec>
{
    public StageValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(s => s.Name).NotEmpty().MaximumLength(200);
        RuleFor(s => s.Participants).NotEmpty().Must(p => p.OfType<ParticipantSpec>().CountBy(x => (x.Kind, x.Id)).All(x => x.Value == 1))
            .WithMessage("A participant appears once in a stage.");
        RuleForEach(s => s.Participants).NotNull().ChildRules(p =>
        {
            p.RuleFor(x => x.Id).MustBeId();
            p.RuleFor(x => x.Kind).IsInEnum();
            p.RuleFor(x => x.Role).IsInEnum();
        });
        RuleFor(s => s.DueInWorkdays).InclusiveBetween(0, 365);
        RuleFor(s => s.DueAt).Null().When(s => s.DueInWorkdays is not null).WithMessage("Give either dueAt or dueInWorkdays, not both.");
    }
}
