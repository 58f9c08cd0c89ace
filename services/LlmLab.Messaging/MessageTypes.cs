using LlmLab.Contracts.Messages;

namespace LlmLab.Messaging;

/// <summary>Maps the stable names stored in outbox rows to the contract types.</summary>
public static class MessageTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(ResponseScored).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(ResponseScored).Namespace && t.IsClass && !t.IsAbstract)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.Name) ? type.Name : throw new ArgumentException($"{type} is not a contract message.", nameof(type));

    public static Type TypeOf(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown message type {name}.");
}
