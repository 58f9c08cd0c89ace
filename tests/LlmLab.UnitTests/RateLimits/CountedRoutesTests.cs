using LlmLab.Gateway.RateLimits;
using Microsoft.AspNetCore.Http;

namespace LlmLab.UnitTests.RateLimits;

public class CountedRoutesTests
{
    private static bool Counts(string method, string path) =>
        CountedRoutes.Counts(new DefaultHttpContext { Request = { Method = method, Path = path } }.Request);

    [Theory]
    [InlineData("/api/responses/generate")]
    [InlineData("/api/experiments/batch/0195f2a4-0000-7000-8000-000000000001/start")]
    [InlineData("/api/experiments/batch/0195f2a4-0000-7000-8000-000000000001/retry-errors")]
    [InlineData("/api/evaluations")]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/embeddings")]
    public void Calls_that_start_model_work_are_counted(string path) => Assert.True(Counts("POST", path));

    [Theory]
    [InlineData("GET", "/api/experiments")]
    [InlineData("POST", "/api/experiments")]
    [InlineData("POST", "/api/experiments/batch")]
    [InlineData("POST", "/api/experiments/batch/0195f2a4-0000-7000-8000-000000000001/pause")]
    [InlineData("GET", "/api/experiments/batch/0195f2a4-0000-7000-8000-000000000001/status")]
    [InlineData("GET", "/v1/models")]
    [InlineData("GET", "/api/responses/generate")]
    [InlineData("POST", "/api/export/custom")]
    public void Browsing_and_editing_are_not_counted(string method, string path) => Assert.False(Counts(method, path));
}
