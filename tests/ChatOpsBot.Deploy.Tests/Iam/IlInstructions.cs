using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>One IL instruction: its opcode and, when it has one, its 4-byte token or 1-/2-byte variable index.</summary>
internal readonly record struct IlInstruction(ILOpCode OpCode, int Operand);

/// <summary>Decodes a method body's IL into instructions (ECMA-335 §III), enough to follow tokens and variables.</summary>
internal static class IlInstructions
{
    /// <summary>The <c>no.</c> prefix (0xFE19), which <see cref="ILOpCode"/> does not name.</summary>
    private const ILOpCode NoPrefix = (ILOpCode)0xFE19;

    public static IEnumerable<IlInstruction> Decode(ImmutableArray<byte> il)
    {
        var bytes = il.ToArray();
        var at = 0;
        while (at < bytes.Length)
        {
            int code = bytes[at++];
            if (code == 0xFE)
            {
                code = 0xFE00 | bytes[at++];
            }

            var opCode = (ILOpCode)code;
            var size = OperandSize(opCode, bytes, at);
            var operand = size switch
            {
                1 => bytes[at],
                2 => BitConverter.ToUInt16(bytes, at),
                4 => BitConverter.ToInt32(bytes, at),
                _ => 0,
            };
            at += size;
            yield return new IlInstruction(opCode, operand);
        }
    }

    private static int OperandSize(ILOpCode op, byte[] bytes, int at)
    {
        if (op == ILOpCode.Switch)
        {
            return 4 + (4 * BitConverter.ToInt32(bytes, at));
        }

        if (op.IsBranch())
        {
            return op.GetBranchOperandSize();
        }

        return op switch
        {
            ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s
                or ILOpCode.Stloc_s or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned or NoPrefix => 1,
            ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => 2,
            ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => 8,
            ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 or ILOpCode.Ldstr or ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli
                or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or ILOpCode.Cpobj
                or ILOpCode.Ldobj or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Unbox or ILOpCode.Ldfld
                or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld
                or ILOpCode.Stobj or ILOpCode.Box or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem
                or ILOpCode.Stelem or ILOpCode.Unbox_any or ILOpCode.Refanyval or ILOpCode.Mkrefany or ILOpCode.Ldtoken
                or ILOpCode.Initobj or ILOpCode.Constrained or ILOpCode.Sizeof => 4,
            _ => 0,
        };
    }
}
