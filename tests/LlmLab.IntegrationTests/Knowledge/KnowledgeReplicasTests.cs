using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.IntegrationTests.Knowledge;

/// <summary>
/// `--replicas knowledge=2`: each replica keeps its own BM25 index, so a write served by one must reach the other's
/// searches. An upload and a new version go through the gateway (to whichever replica YARP picks), the two deletes
/// straight to one replica and then the other (so each has a write the other must catch up with); BM25 searches go
/// straight to each replica's port, signed as the gateway signs, and both answer the same.
/// </summary>
[Collection(ReplicasPlatformCollection.Name)]
public sealed class KnowledgeReplicasTests(ReplicasPlatformFixture platform)
{
    [Fact]
    public async Task A_document_uploaded_and_replaced_through_the_gateway_and_deleted_on_either_replica_is_searched_alike_on_both()
    {
        var state = platform.AppHost.ReadState()!;
        var replicas = new[] { state.Resource("knowledge"), state.Resource("knowledge-2") };
        Assert.All(replicas, r => Assert.Equal("running", r.State));
        Assert.NotEqual(replicas[0].Url, replicas[1].Url);

        var collection = $"replicas-{Guid.NewGuid():N}"[..20];
        var (first, second) = ($"ocelot{Random.Shared.Next(100_000, 999_999)}", $"tapir{Random.Shared.Next(100_000, 999_999)}");
        var api = new KnowledgeApi(platform.CreateClient());
        using var signed = new HttpClient(SigningHandler.For(platform.InternalTokenKey,
            new CallerIdentity(platform.TenantOfApiKey, "service:tests", InternalTokens.ServiceRole))) { Timeout = TimeSpan.FromSeconds(30) };

        var v1 = (await api.UploadAsync(TestFiles.Utf8($"The {first} sleeps in the canopy by day."), "Night animals", collection))
            .GetProperty("id").GetGuid();
        foreach (var replica in replicas) Assert.Equal([v1], await FoundOnAsync(signed, replica, first, collection));

        // A new version of the title: the old text leaves both indexes, the new one enters both.
        var v2 = (await api.UploadAsync(TestFiles.Utf8($"The {second} browses the forest floor at dusk."), "Night animals", collection))
            .GetProperty("id").GetGuid();
        foreach (var replica in replicas)
        {
            Assert.Empty(await FoundOnAsync(signed, replica, first, collection));
            Assert.Equal([v2], await FoundOnAsync(signed, replica, second, collection));
        }

        // Deleting the current version brings the previous one back on both; deleting that leaves nothing on either.
        Assert.Equal(HttpStatusCode.NoContent, (await signed.DeleteAsync($"{replicas[0].Url}/api/documents/{v2}")).StatusCode);
        foreach (var replica in replicas)
        {
            Assert.Equal([v1], await FoundOnAsync(signed, replica, first, collection));
            Assert.Empty(await FoundOnAsync(signed, replica, second, collection));
        }
        Assert.Equal(HttpStatusCode.NoContent, (await signed.DeleteAsync($"{replicas[1].Url}/api/documents/{v1}")).StatusCode);
        foreach (var replica in replicas)
        {
            Assert.Empty(await FoundOnAsync(signed, replica, first, collection));
            Assert.Empty(await FoundOnAsync(signed, replica, second, collection));
        }
    }

    private static async Task<List<Guid>> FoundOnAsync(HttpClient signed, ResourceState replica, string query, string collection)
    {
        var response = await signed.PostAsJsonAsync($"{replica.Url}/api/knowledge/search", new { query, collection, mode = "bm25", top_k = 5 });
        var found = await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
        return found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("document_id").GetGuid()).Distinct().ToList();
    }
}
