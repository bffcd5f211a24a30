using System.Text.Json;
using System.Text.Json.Serialization;
using Greenlight.Host.Http;

namespace Greenlight.Host.Tests.Http;

/// <summary>The reading rules of request bodies, on the serializer alone: what must be present, what may be null, what is named.</summary>
public sealed class StrictJsonTests
{
    public enum Verdict { Approved, Rejected }

    public sealed record Stage(string Name, Verdict Verdict, int Round, DateOnly? DueOn = null);

    public sealed record Body(string Name, bool Inherits, IReadOnlyList<Stage> Stages, string? Note, int? Limit, int Count = 3, bool Notify = false);

    private static readonly JsonSerializerOptions Options = Strict();

    private static JsonSerializerOptions Strict()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(allowIntegerValues: false) } };
        StrictJson.Apply(options);
        return options;
    }

    private static IReadOnlyList<string> MissingFields(string json) =>
        StrictJson.MissingFields(Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Body>(json, Options)));

    [Fact]
    public void A_value_field_without_a_default_must_be_present_and_is_named()
    {
        Assert.Equal(["inherits"], MissingFields("""{"name":"n","stages":[]}"""));
    }

    [Fact]
    public void A_missing_field_of_an_item_is_named_by_its_path_from_the_body()
    {
        Assert.Equal(["stages[1].verdict"], MissingFields("""{"name":"n","inherits":true,"stages":[{"name":"a","verdict":"Approved","round":1},{"name":"b","round":2}]}"""));
    }

    [Fact]
    public void Several_missing_fields_are_all_named()
    {
        Assert.Equal(["stages[0].verdict", "stages[0].round"], MissingFields("""{"name":"n","inherits":true,"stages":[{"name":"a"}]}"""));
    }

    [Fact]
    public void Fields_declared_nullable_or_given_a_default_are_optional()
    {
        var body = JsonSerializer.Deserialize<Body>("""{"name":"n","inherits":false,"stages":[{"name":"a","verdict":"Rejected","round":1}]}""", Options)!;

        Assert.Equal((null, null, 3, false), (body.Note, body.Limit, body.Count, body.Notify));
        Assert.Null(body.Stages[0].DueOn);
    }

    [Fact]
    public void A_missing_text_is_left_to_the_validators()
    {
        var body = JsonSerializer.Deserialize<Body>("""{"inherits":true,"stages":[]}""", Options)!;

        Assert.Null(body.Name);
    }

    [Theory]
    [InlineData("""{"name":null,"inherits":true,"stages":[]}""", "$.name")]
    [InlineData("""{"name":"n","inherits":true,"stages":null}""", "$.stages")]
    [InlineData("""{"name":"n","inherits":null,"stages":[]}""", "$.inherits")]
    [InlineData("""{"name":"n","inherits":true,"stages":[{"name":"a","verdict":null,"round":1}]}""", "$.stages[0].verdict")]
    public void Null_is_refused_where_the_declared_type_does_not_allow_it(string json, string path)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Body>(json, Options));

        Assert.Equal(path, error.Path);
        Assert.Empty(StrictJson.MissingFields(error));
    }

    [Fact]
    public void Null_is_accepted_where_the_declared_type_allows_it()
    {
        var body = JsonSerializer.Deserialize<Body>("""{"name":"n","inherits":true,"stages":[],"note":null,"limit":null}""", Options)!;

        Assert.Null(body.Note);
    }

    [Fact]
    public void Writing_is_not_strict_an_answer_holding_an_undeclared_null_is_still_written()
    {
        var json = JsonSerializer.Serialize(new Body(null!, true, null!, null, null), Options);

        Assert.Contains("\"name\":null", json);
    }

    [Fact]
    public void Required_means_neither_nullable_nor_given_a_default()
    {
        var required = Options.GetTypeInfo(typeof(Body)).Properties.Where(StrictJson.IsRequired).Select(p => p.Name);

        Assert.Equal(["name", "inherits", "stages"], required);
    }
}
