using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Tests.Support;

/// <summary>
/// The field catalog of the tests, modelled on the <c>dt.*</c> test plugin used to observe
/// Falco 0.44.1 (../shared/spec/falco-0.44-behaviours.md), plus one field per remaining type.
/// </summary>
public static class TestCatalog
{
    public static readonly FieldCatalog Instance = new(
    [
        new FieldDefinition("dt.name", FieldType.String),
        new FieldDefinition("dt.name2", FieldType.String),
        new FieldDefinition("dt.path", FieldType.String),
        new FieldDefinition("dt.cmd", FieldType.String),
        new FieldDefinition("dt.maybe", FieldType.String),
        new FieldDefinition("dt.b64", FieldType.String),
        new FieldDefinition("dt.num", FieldType.UInt64),
        new FieldDefinition("dt.num2", FieldType.UInt64),
        new FieldDefinition("dt.rel", FieldType.RelTime),
        new FieldDefinition("dt.abs", FieldType.AbsTime),
        new FieldDefinition("dt.i64", FieldType.Int64),
        new FieldDefinition("dt.flag", FieldType.Bool),
        new FieldDefinition("dt.ip", FieldType.IpAddr),
        new FieldDefinition("dt.ip2", FieldType.IpAddr),
        new FieldDefinition("dt.net", FieldType.IpNet),
        new FieldDefinition("dt.buf", FieldType.ByteBuf),
        new FieldDefinition("dt.tags", FieldType.String, IsList: true),
        new FieldDefinition("dt.tags2", FieldType.String, IsList: true),
        new FieldDefinition("dt.nums", FieldType.UInt64, IsList: true),
        new FieldDefinition("dt.flags", FieldType.Bool, IsList: true),
        new FieldDefinition("dt.ips", FieldType.IpAddr, IsList: true),
        new FieldDefinition("dt.nets", FieldType.IpNet, IsList: true),
        new FieldDefinition("dt.tag", FieldType.String, Argument: FieldArgument.Index | FieldArgument.Required),
        new FieldDefinition("dt.env", FieldType.String, Argument: FieldArgument.Key | FieldArgument.Required),
        new FieldDefinition("dt.opt", FieldType.String, Argument: FieldArgument.Key),
        new FieldDefinition("dt.idx", FieldType.UInt64, Argument: FieldArgument.Index),
        new FieldDefinition("dt.both", FieldType.String, Argument: FieldArgument.Index | FieldArgument.Key),
        new FieldDefinition("dt.count", FieldType.UInt64, Argument: FieldArgument.Index | FieldArgument.Required),
    ]);
}
