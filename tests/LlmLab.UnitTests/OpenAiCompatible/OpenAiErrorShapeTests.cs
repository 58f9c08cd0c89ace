using System.Text.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenAi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LlmLab.UnitTests.OpenAiCompatible;

public class OpenAiErrorShapeTests
{
    private static async Task<(int Status, string? ContentType, JsonElement Body)> ExecuteAsync(string path, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult result)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IProblemDetailsWriter, OpenAiProblemWriter>();
        services.AddProblemDetails();
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, http.Response.ContentType, (await JsonDocument.ParseAsync(http.Response.Body)).RootElement.Clone());
    }

    [Fact]
    public async Task A_problem_under_v1_is_written_in_openai_s_shape_naming_the_field()
    {
        var (status, type, body) = await ExecuteAsync("/v1/chat/completions", Problems.Invalid("temperature", "must be between 0 and 2.", 400));
        Assert.Equal(400, status);
        Assert.StartsWith("application/json", type);
        var error = body.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("temperature", error.GetProperty("param").GetString());
        Assert.Equal("temperature: must be between 0 and 2.", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("code").ValueKind);
    }

    [Fact]
    public async Task The_same_problem_elsewhere_stays_problem_json()
    {
        var (_, type, body) = await ExecuteAsync("/api/experiments", Problems.Invalid("temperature", "must be between 0 and 2.", 400));
        Assert.StartsWith("application/problem+json", type);
        Assert.False(body.TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData(401, "invalid_request_error", "invalid_api_key")]
    [InlineData(403, "permission_error", "insufficient_permissions")]
    [InlineData(404, "invalid_request_error", "not_found")]
    [InlineData(429, "requests", "rate_limit_exceeded")]
    [InlineData(503, "server_error", "service_unavailable")]
    public async Task A_status_gives_openai_s_type_and_snake_case_code(int status, string type, string code)
    {
        var problem = TypedResults.Problem(title: "API key invalid", detail: "The X-Api-Key presented is not a key of this platform.", statusCode: status,
            extensions: new Dictionary<string, object?> { ["field"] = "X-Api-Key" });
        var (written, _, body) = await ExecuteAsync("/v1/models", problem);
        var error = body.GetProperty("error");
        Assert.Equal(status, written);
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal("API key invalid: The X-Api-Key presented is not a key of this platform.", error.GetProperty("message").GetString());
        // A credential is not a parameter: OpenAI names none for a bad key.
        Assert.Equal(status == 401 ? JsonValueKind.Null : JsonValueKind.String, error.GetProperty("param").ValueKind);
    }
}
