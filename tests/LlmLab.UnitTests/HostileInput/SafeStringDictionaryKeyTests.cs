using System.Text.Json;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http;

namespace LlmLab.UnitTests.HostileInput;

public class SafeStringDictionaryKeyTests
{
    [Fact]
    public void A_validation_problem_with_field_errors_serializes_under_the_service_json_options()
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["x-llmlab-identity"] = ["absent"] }) { Status = 401 };
        var json = JsonSerializer.Serialize(problem, ServiceKitExtensions.Json);
        Assert.Contains("\"x-llmlab-identity\":[\"absent\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Dictionary_keys_are_read_under_the_same_text_rule_as_values()
    {
        Assert.Equal("b", JsonSerializer.Deserialize<Dictionary<string, string>>("{\"a\":\"b\"}", ServiceKitExtensions.Json)!["a"]);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, string>>("{\"a\\u0000\":\"b\"}", ServiceKitExtensions.Json));
    }
}
