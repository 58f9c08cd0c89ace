using LlmLab.ServiceKit.OpenApi;

namespace LlmLab.UnitTests.OpenApi;

public class OperationIdsTests
{
    [Theory]
    [InlineData("GET", "api/experiments/{id:guid}", "GetApiExperimentsById")]
    [InlineData("POST", "api/experiments/batch/{id:guid}/progress-token", "PostApiExperimentsBatchByIdProgressToken")]
    [InlineData("GET", "api/llm/models", "GetApiLlmModels")]
    [InlineData("DELETE", "api/files/{**path}", "DeleteApiFilesByPath")]
    public void Operation_ids_come_from_method_and_route(string method, string route, string expected) =>
        Assert.Equal(expected, OperationIds.From(method, route));
}
