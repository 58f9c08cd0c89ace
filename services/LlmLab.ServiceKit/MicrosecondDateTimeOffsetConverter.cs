using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.ServiceKit;

/// <summary>
/// Writes times at PostgreSQL's precision (microseconds, truncated as Npgsql stores them), so the created_at a POST
/// answers from memory is the same string a later GET reads back from the database.
/// </summary>
public sealed class MicrosecondDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMicrosecond)));
}
