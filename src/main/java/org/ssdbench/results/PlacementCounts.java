package org.ssdbench.results;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * How many nodes each device got in one configuration, read from the partition graphs TF built for it (one per device).
 * Nodes TF added to move tensors between devices (_Send, _Recv, _HostSend, _HostRecv) are counted apart as transfers.
 */
public record PlacementCounts(String config, Map<String, Integer> nodesByDevice, Map<String, Integer> transfersByDevice) {
  public PlacementCounts {
    nodesByDevice = Map.copyOf(nodesByDevice);
    transfersByDevice = Map.copyOf(transfersByDevice);
  }

  public static PlacementCounts of(String config, List<GraphDef> partitionGraphs) {
    Map<String, Integer> nodes = new TreeMap<>();
    Map<String, Integer> transfers = new TreeMap<>();
    for (GraphDef partition : partitionGraphs) {
      for (NodeDef node : partition.getNodeList()) {
        String device = shortDevice(node.getDevice());
        if (isTransfer(node.getOp())) {
          transfers.merge(device, 1, Integer::sum);
        } else {
          nodes.merge(device, 1, Integer::sum);
        }
      }
    }
    return new PlacementCounts(config, nodes, transfers);
  }

  static boolean isTransfer(String op) {
    return op.equals("_Send") || op.equals("_Recv") || op.equals("_HostSend") || op.equals("_HostRecv");
  }

  /** {@code /job:localhost/replica:0/task:0/device:GPU:0} -> {@code GPU:0}. */
  static String shortDevice(String device) {
    int at = device.lastIndexOf("device:");
    return at >= 0 ? device.substring(at + "device:".length()) : (device.isEmpty() ? "unplaced" : device);
  }

  public int nodesOn(String device) {
    return nodesByDevice.getOrDefault(device, 0);
  }
}
