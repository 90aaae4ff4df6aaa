using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>Decodes signatures into namespace-qualified type names, which is all the scan compares.</summary>
internal sealed class TypeNameProvider : ISignatureTypeProvider<string, object?>
{
    public static string FullName(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => FullName(reader, reader.GetTypeDefinition((TypeDefinitionHandle)handle)),
        HandleKind.TypeReference => FullName(reader, reader.GetTypeReference((TypeReferenceHandle)handle)),
        _ => "?",
    };

    public static string FullName(MetadataReader reader, TypeDefinition type)
    {
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? Join(reader.GetString(type.Namespace), reader.GetString(type.Name))
            : FullName(reader, reader.GetTypeDefinition(declaring)) + "/" + reader.GetString(type.Name);
    }

    public static string FullName(MetadataReader reader, TypeReference type) =>
        Join(reader.GetString(type.Namespace), reader.GetString(type.Name));

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        FullName(reader, reader.GetTypeDefinition(handle));

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        FullName(reader, reader.GetTypeReference(handle));

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[*]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
