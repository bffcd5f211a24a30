using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Greenlight.Kernel.Pages;

/// <summary>
/// The messages of one field (or of the whole form, <see cref="ProblemFields.Form"/>), rendered next to it with the id
/// <c>{field}-problem</c> that the field's <c>aria-describedby</c> names, so a screen reader reads them with the field.
/// </summary>
public sealed class FieldProblems : ComponentBase
{
    [Parameter, EditorRequired]
    public ProblemFields Problems { get; set; } = null!;

    [Parameter]
    public string Field { get; set; } = ProblemFields.Form;

    public static string IdOf(string field) => (field.Length == 0 ? "form" : field) + "-problem";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var messages = Problems.For(Field);
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "id", IdOf(Field));
        builder.AddAttribute(2, "class", "problems");
        if (messages.Count > 0) builder.AddAttribute(3, "role", "alert");
        foreach (var message in messages)
        {
            builder.OpenElement(4, "p");
            builder.AddContent(5, message);
            builder.CloseElement();
        }
        builder.CloseElement();
    }
}
