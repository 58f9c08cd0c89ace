using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// Publishes events onto the platform's RabbitMQ the way a service's outbox relay would (MassTransit's JSON envelope on
/// the message type's exchange), to deliver an event late: after the erasure of the data it carries.
/// </summary>
public sealed class LateEvents(PlatformFixture platform)
{
    private static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web);

    /// <summary>A chunk event (ResponsesScored) with one scored response of <paramref name="runId"/>; returns the response id.</summary>
    public async Task<Guid> PublishScoredAsync(string tenant, Guid runId, Guid experimentId)
    {
        var responseId = Guid.CreateVersion7();
        var response = new
        {
            responseId, workItemId = Guid.CreateVersion7(), runId, experimentId, tenantId = tenant, provider = "local", model = "late-event",
            temperature = 0.5, topP = 1.0, maxTokens = 20, frequencyPenalty = 0.0, presencePenalty = 0.0, promptTokens = 5, completionTokens = 7,
            responseTimeMs = 12.0, costUsd = 0.0, metrics = new Dictionary<string, double> { ["overall_score"] = 0.5 }, analysisVersion = "late",
            createdAt = DateTimeOffset.UtcNow,
        };
        await PublishAsync("LlmLab.Contracts.Messages:ResponsesScored", new { responses = new[] { response } });
        return responseId;
    }

    private async Task PublishAsync(string messageType, object message)
    {
        var secrets = PlatformSecretsFile.Read(platform.DataDirectory);
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1", Port = new Uri(platform.ReadState()!.Resource("rabbitmq").Url!).Port,
            UserName = secrets.RabbitMqUser, Password = secrets.RabbitMqPassword,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var envelope = new
        {
            messageId = Guid.NewGuid(), messageType = new[] { $"urn:message:{messageType}" }, sentTime = DateTimeOffset.UtcNow,
            headers = new Dictionary<string, object>(), message,
        };
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync(messageType, "", mandatory: false, properties, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, Camel)));
    }
}
