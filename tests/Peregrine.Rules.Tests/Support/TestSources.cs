using Peregrine.Conditions.Fields;

namespace Peregrine.Rules.Tests.Support;

/// <summary>
/// The sources of the loader's golden cases: a plugin source <c>test</c> with the generic evt.*
/// fields and <c>dt.*</c> fields of each type, plus <c>k8s_audit</c> (for the ka.* / jevt.*
/// warnings). Any other source name is unknown.
/// </summary>
public static class TestSources
{
    public static RuleSources Create() => new(
    [
        new RuleSource("test", new FieldCatalog(PluginFieldsJson.LoadBuiltIn("evt.json").Concat(
        [
            new FieldDefinition("dt.name", FieldType.String),
            new FieldDefinition("dt.name2", FieldType.String),
            new FieldDefinition("dt.path", FieldType.String),
            new FieldDefinition("dt.num", FieldType.UInt64),
            new FieldDefinition("dt.flag", FieldType.Bool),
            new FieldDefinition("dt.ip", FieldType.IpAddr),
            new FieldDefinition("dt.tags", FieldType.String, IsList: true),
            new FieldDefinition("dt.env", FieldType.String, Argument: FieldArgument.Key | FieldArgument.Required),
            new FieldDefinition("dt.tag", FieldType.String, Argument: FieldArgument.Index | FieldArgument.Required),
        ]))),
        ReferenceSources.K8sAudit(),
    ]);
}
