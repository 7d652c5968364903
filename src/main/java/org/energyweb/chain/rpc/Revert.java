package org.energyweb.chain.rpc;

import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

import java.util.List;

/** Reads why a call reverted from a node's error: the ABI {@code Error(string)} data, else the message. */
public final class Revert {

    private static final String ERROR_STRING_SELECTOR = "0x08c379a0";

    private Revert() {
    }

    public static boolean isRevert(RpcException e) {
        return e.code() == 3 || e.says("revert");
    }

    public static String reason(RpcException e) {
        String data = e.data();
        if (data != null && data.startsWith(ERROR_STRING_SELECTOR) && data.length() > ERROR_STRING_SELECTOR.length()) {
            @SuppressWarnings({"rawtypes", "unchecked"})
            List<Type> decoded = FunctionReturnDecoder.decode("0x" + data.substring(ERROR_STRING_SELECTOR.length()),
                    (List) List.of(new TypeReference<Utf8String>() { }));
            if (!decoded.isEmpty()) {
                return decoded.get(0).getValue().toString();
            }
        }
        String message = e.getMessage();
        return message.startsWith("execution reverted: ") ? message.substring("execution reverted: ".length()) : message;
    }
}
