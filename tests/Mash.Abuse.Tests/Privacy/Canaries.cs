using Google.Protobuf;
using Google.Protobuf.Reflection;
using Mash.Contracts.Common.V1;
using Mash.Testing.Nodes;

namespace Mash.Abuse.Tests.Privacy;

/// <summary>
/// A child whose NHS number and names are unique to this run, so finding any of them in a log
/// line can only mean a service wrote a child's identifier out.
/// </summary>
public sealed class Canaries
{
    public Canaries()
    {
        var tag = new string([.. Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
        Child = TestChildren.New("Quillon" + tag);
        Child.FamilyName = "Wrenfeather" + tag;
        Child.Address = new Address { Lines = { "1 Canary Row" }, Postcode = "WR5 1AA" };
        PersonGivenName = "Perrin" + tag;
        PersonFamilyName = "Halloway" + tag;
        // The same digits with the check digit changed: refused, and still never to be logged.
        var wrongCheck = (Child.NhsNumber[9] - '0' + 1) % 10;
        InvalidNhsNumber = Child.NhsNumber[..9] + wrongCheck;
    }

    public ChildIdentity Child { get; }
    public string InvalidNhsNumber { get; }
    public string PersonGivenName { get; }
    public string PersonFamilyName { get; }

    /// <summary>Every form a canary could take in a log line.</summary>
    public IEnumerable<string> Values =>
    [
        Child.NhsNumber, Spaced(Child.NhsNumber), InvalidNhsNumber, Spaced(InvalidNhsNumber),
        Child.GivenName, Child.FamilyName, PersonGivenName, PersonFamilyName,
    ];

    private static string Spaced(string nhs) => $"{nhs[..3]} {nhs[3..6]} {nhs[6..]}";

    /// <summary>True when the message type carries a child or a person anywhere inside it.</summary>
    public static bool NamesAChild(MessageDescriptor descriptor, int depth = 0) =>
        depth < 5 && descriptor.Fields.InFieldNumberOrder().Any(f => f.FieldType == FieldType.Message
            && (f.MessageType.FullName is "mash.common.v1.ChildIdentity" or "mash.common.v1.Person" || NamesAChild(f.MessageType, depth + 1)));

    /// <summary>Puts the canary child (and canary people) into every child and person field of the message.</summary>
    public IMessage Seed(IMessage message, bool invalidNhsNumber = false, int depth = 0)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder().Where(f => f.FieldType == FieldType.Message && !f.IsMap && depth < 5))
        {
            var values = field.IsRepeated
                ? [.. ((System.Collections.IList)field.Accessor.GetValue(message)).Cast<IMessage>()]
                : field.Accessor.GetValue(message) is IMessage single ? new[] { single } : [];
            foreach (var value in values)
            {
                switch (value)
                {
                    case ChildIdentity child:
                        child.MergeFrom(Child);
                        child.NhsNumber = invalidNhsNumber ? InvalidNhsNumber : Child.NhsNumber;
                        break;
                    case Person person:
                        person.GivenName = PersonGivenName;
                        person.FamilyName = PersonFamilyName;
                        break;
                    default:
                        Seed(value, invalidNhsNumber, depth + 1);
                        break;
                }
            }
        }

        return message;
    }
}
