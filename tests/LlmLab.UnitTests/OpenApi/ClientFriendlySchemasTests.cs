using LlmLab.ServiceKit.OpenApi;
using Microsoft.OpenApi;

namespace LlmLab.UnitTests.OpenApi;

public class ClientFriendlySchemasTests
{
    private static OpenApiSchema NumberOrString(bool nullable) => new()
    {
        Pattern = "^-?(?:0|[1-9]\\d*)$", Format = "int32",
        AnyOf = nullable
            ? [new OpenApiSchema { Type = JsonSchemaType.Integer }, new OpenApiSchema { Type = JsonSchemaType.String }, new OpenApiSchema { Enum = [null!] }]
            : [new OpenApiSchema { Type = JsonSchemaType.Integer }, new OpenApiSchema { Type = JsonSchemaType.String }],
    };

    [Fact]
    public void An_integer_also_read_from_a_string_becomes_a_plain_integer()
    {
        var schema = NumberOrString(nullable: false);
        ClientFriendlySchemas.Repair(schema);
        Assert.Equal(JsonSchemaType.Integer, schema.Type);
        Assert.Null(schema.AnyOf);
        Assert.Null(schema.Pattern);
        Assert.Equal("int32", schema.Format);
    }

    [Fact]
    public void A_nullable_one_becomes_a_nullable_integer()
    {
        var schema = NumberOrString(nullable: true);
        ClientFriendlySchemas.Repair(schema);
        Assert.Equal(JsonSchemaType.Integer | JsonSchemaType.Null, schema.Type);
        Assert.Null(schema.AnyOf);
    }

    [Fact]
    public void A_type_set_of_number_string_and_null_becomes_a_nullable_number()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Number | JsonSchemaType.String | JsonSchemaType.Null, Pattern = "^-?(?:0|[1-9]\\d*)(?:\\.\\d+)?$", Format = "double",
        };
        ClientFriendlySchemas.Repair(schema);
        Assert.Equal(JsonSchemaType.Number | JsonSchemaType.Null, schema.Type);
        Assert.Null(schema.Pattern);
    }

    [Fact]
    public void An_enum_of_strings_is_a_string()
    {
        var schema = new OpenApiSchema { Enum = [System.Text.Json.Nodes.JsonValue.Create("draft"), System.Text.Json.Nodes.JsonValue.Create("completed_with_errors")] };
        ClientFriendlySchemas.Repair(schema);
        Assert.Equal(JsonSchemaType.String, schema.Type);
    }

    [Fact]
    public void Other_unions_are_left_alone()
    {
        var schema = new OpenApiSchema { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.Object }, new OpenApiSchema { Type = JsonSchemaType.String }] };
        ClientFriendlySchemas.Repair(schema);
        Assert.Null(schema.Type);
        Assert.Equal(2, schema.AnyOf!.Count);
    }

    [Theory]
    [InlineData("date-time", JsonSchemaType.String)]
    [InlineData("double", JsonSchemaType.Number)]
    [InlineData(null, JsonSchemaType.String)]
    public void A_parameter_without_a_type_gets_the_one_its_format_implies_or_text(string? format, JsonSchemaType expected)
    {
        var parameter = new OpenApiParameter { Name = "since", In = ParameterLocation.Query, Schema = new OpenApiSchema { Format = format } };
        ClientFriendlySchemas.RepairParameter(parameter);
        Assert.Equal(expected, parameter.Schema!.Type);
    }
}
