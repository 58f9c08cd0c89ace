using System.Globalization;
using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using MassTransit;

namespace LlmLab.Analytics.Consumers;

/// <summary>Raises a budget alert when llm-integration reports a spend threshold crossed; once per tenant, period and label.</summary>
public sealed class BudgetThresholdCrossedConsumer(AnalyticsDbContext db, AlertRaiser raiser) : IConsumer<BudgetThresholdCrossed>
{
    public Task Consume(ConsumeContext<BudgetThresholdCrossed> context)
    {
        var m = context.Message;
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(m.At),
            TenantId = m.TenantId,
            Kind = AlertKinds.Budget,
            Message = string.Create(CultureInfo.InvariantCulture,
                $"The {m.Period} LLM budget of {m.ThresholdUsd} USD is reached: {Math.Round(m.SpentUsd, 6)} USD spent in {m.PeriodLabel}."),
            Value = Math.Round(m.SpentUsd, 6),
            Threshold = m.ThresholdUsd,
            DedupeKey = $"{AlertKinds.Budget}:{m.Period}:{m.PeriodLabel}",
            CreatedAt = m.At,
        };
        return db.InTransactionAsync(ct => raiser.RaiseAsync(alert, ct), context.CancellationToken);
    }
}
